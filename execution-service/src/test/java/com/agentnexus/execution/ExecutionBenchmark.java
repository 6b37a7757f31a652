package com.agentnexus.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.EventCodec;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogLineEmitted;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Not a test: start → first log line latency and executions per second, printed, never
 * asserted on timing. Run with {@code ./mvnw -pl execution-service verify -Pbench} (see
 * BENCHMARK.md). Subclasses choose the runner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExecutionBenchmark {

    static final String AGENT = "bench-echo";

    private static final int RUNS = 20;

    @Autowired
    private WebTestClient client;

    private final Map<String, Long> firstLogNanos = new ConcurrentHashMap<>();

    private final Map<String, ExecutionStatus> ended = new ConcurrentHashMap<>();

    private final Map<String, Long> endedNanos = new ConcurrentHashMap<>();

    private volatile boolean listening = true;

    private Thread listener;

    abstract String runner();

    @BeforeAll
    void agentAndListener() throws Exception {
        try (var connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + TestInfrastructure.postgresPort() + "/postgres", "postgres",
                "postgres");
                var insert = connection.prepareStatement("INSERT INTO agents (id, name, price_wei, timeout_ms, "
                        + "script) VALUES (?, 'Benchmark echo', 1, 60000, ?) ON CONFLICT (id) DO NOTHING")) {
            insert.setString(1, AGENT);
            insert.setString(2, "echo \"hello from $EXECUTION_ID\"\necho '{\"ok\":true}'\n");
            insert.executeUpdate();
        }
        client = client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        listener = new Thread(this::listen, "bench-listener");
        listener.start();
    }

    @AfterAll
    void stopListening() throws InterruptedException {
        listening = false;
        listener.join();
    }

    @Test
    void startToFirstLogLineAndThroughput() {
        Api api = new Api(client);
        String token = Tokens.forUser("bench");
        // class loading, first connections, image check
        String warmUp = api.start(token, AGENT);
        awaitEnded(List.of(warmUp));

        List<Long> sequential = new ArrayList<>();
        long sequentialStart = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            long posted = System.nanoTime();
            String id = api.start(token, AGENT);
            awaitEnded(List.of(id));
            sequential.add(firstLogNanos.get(id) - posted);
        }
        double sequentialSeconds = (System.nanoTime() - sequentialStart) / 1e9;

        Map<String, Long> posted = new ConcurrentHashMap<>();
        long concurrentStart = System.nanoTime();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        IntStream.range(0, RUNS).parallel().forEach(i -> {
            long at = System.nanoTime();
            String id = api.start(token, AGENT);
            posted.put(id, at);
            ids.add(id);
        });
        awaitEnded(ids);
        double concurrentSeconds = (endedNanos.values()
            .stream()
            .filter(t -> t > concurrentStart)
            .mapToLong(Long::longValue)
            .max()
            .orElseThrow() - concurrentStart) / 1e9;
        List<Long> concurrent = ids.stream()
            .map(id -> firstLogNanos.get(id) - posted.get(id))
            .collect(Collectors.toList());

        System.out.printf("%n=== execution-service benchmark, runner=%s, %d runs each ===%n", runner(), RUNS);
        System.out.printf("%-28s %10s %10s %10s %14s%n", "scenario", "median ms", "p90 ms", "max ms", "executions/s");
        print("sequential", sequential, RUNS / sequentialSeconds);
        print("concurrent (" + RUNS + " at once)", concurrent, RUNS / concurrentSeconds);
        System.out.println("(latency = POST sent → first log event received from Kafka)");

        assertThat(ids).allSatisfy(id -> assertThat(ended.get(id)).isEqualTo(ExecutionStatus.COMPLETED));
    }

    private void awaitEnded(List<String> ids) {
        Awaitility.await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(5))
            .until(() -> ids.stream().allMatch(ended::containsKey));
    }

    private static void print(String scenario, List<Long> nanos, double perSecond) {
        List<Long> sorted = nanos.stream().sorted().collect(Collectors.toList());
        System.out.printf("%-28s %10.1f %10.1f %10.1f %14.2f%n", scenario, millis(sorted, 0.5), millis(sorted, 0.9),
                sorted.get(sorted.size() - 1) / 1e6, perSecond);
    }

    private static double millis(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1) / 1e6;
    }

    private void listen() {
        var codec = new EventCodec();
        var props = new Properties();
        props.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10"));
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            List<TopicPartition> partitions = TestInfrastructure.topics()
                .all()
                .stream()
                .flatMap(topic -> consumer.partitionsFor(topic)
                    .stream()
                    .map(info -> new TopicPartition(topic, info.partition())))
                .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (listening) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    ExecutionEvent event = codec.decode(record.value());
                    if (event instanceof LogLineEmitted) {
                        firstLogNanos.putIfAbsent(record.key(), now);
                    }
                    else if (event instanceof ExecutionStatusChanged status && status.isTerminal()) {
                        endedNanos.put(record.key(), now);
                        ended.put(record.key(), status.status());
                    }
                }
            }
        }
    }

}
