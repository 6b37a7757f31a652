package com.agentnexus.aggregator;

import com.agentnexus.aggregator.ledger.Ledger;
import com.agentnexus.events.EventCodec;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigInteger;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Not a test: events per second the aggregator applies end to end — Kafka poll, decode,
 * one PostgreSQL transaction per batch (totals, execution states, positions), merge into
 * the meters. The events are on the broker before the aggregator starts; the rate is
 * measured from its first applied batch to its last. Prints, asserts nothing on timing.
 * {@code ./mvnw -pl metrics-aggregator verify -Pbench}
 */
class LedgerThroughputBenchmark {

    private static final int EXECUTIONS = Integer.getInteger("bench.executions", 125_000);

    private static final int SAMPLES_PER_EXECUTION = 5;

    private static final List<ExecutionStatus> ENDS = List.of(ExecutionStatus.COMPLETED, ExecutionStatus.COMPLETED,
            ExecutionStatus.FAILED, ExecutionStatus.TIMED_OUT, ExecutionStatus.CANCELLED);

    @Test
    void appliesEventsFromKafkaWithDurabilityOn() throws Exception {
        var broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.DEFAULTS.all().toArray(String[]::new));
        broker.afterPropertiesSet();
        try {
            long published = publish(broker.getBrokersAsString());
            run(broker.getBrokersAsString(), published);
        }
        finally {
            broker.destroy();
        }
    }

    private static long publish(String bootstrap) {
        var codec = new EventCodec();
        var random = ThreadLocalRandom.current();
        long count = 0;
        long began = System.nanoTime();
        try (var producer = producer(bootstrap)) {
            for (int i = 0; i < EXECUTIONS; i++) {
                var run = ExecutionFixture.anExecution()
                    .ofAgent("agent-" + random.nextInt(20), "Agent", new BigInteger(80, random).toString());
                run.pending();
                run.running();
                for (int s = 0; s < SAMPLES_PER_EXECUTION; s++) {
                    run.resources(random.nextLong(1L << 30), random.nextDouble(100));
                }
                run.terminal(ENDS.get(random.nextInt(ENDS.size())), "{}", "end", 0);
                for (ExecutionEvent event : run.events()) {
                    producer.send(new ProducerRecord<>(Topics.DEFAULTS.topicFor(event.type()),
                            event.executionId().toString(), codec.encode(event)));
                    count++;
                }
            }
            producer.flush();
        }
        System.out.printf("published %,d events of %,d executions in %.1f s%n", count, EXECUTIONS,
                (System.nanoTime() - began) / 1e9);
        return count;
    }

    private static void run(String bootstrap, long published) throws Exception {
        // durability on: every batch's commit is on disk before the next batch (zonky's
        // defaults turn both off)
        var postgres = EmbeddedPostgres.builder()
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .start();
        try (postgres) {
            try (var connection = postgres.getPostgresDatabase().getConnection();
                    var fsync = connection.createStatement().executeQuery("SHOW fsync")) {
                fsync.next();
                System.out.println("PostgreSQL fsync = " + fsync.getString(1));
            }
            run(bootstrap, published, "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        }
    }

    private static void run(String bootstrap, long published, String jdbcUrl) throws InterruptedException {
        String[] args = { "--server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--spring.kafka.consumer.group-id=bench-" + System.nanoTime(),
                "--logging.level.root=WARN" };
        long began = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MetricsAggregatorApplication.class)
            .run(args)) {
            Ledger ledger = context.getBean(Ledger.class);
            long firstAt = 0;
            long firstApplied = 0;
            long halfAt = 0;
            long halfApplied = 0;
            long applied = 0;
            while (applied < published) {
                applied = ledger.appliedPositions().values().stream().mapToLong(Long::longValue).sum();
                if (firstAt == 0 && applied > 0) {
                    firstAt = System.nanoTime();
                    firstApplied = applied;
                }
                if (halfAt == 0 && applied >= published / 2) {
                    halfAt = System.nanoTime();
                    halfApplied = applied;
                }
                Thread.sleep(5);
                if (System.nanoTime() - began > 600_000_000_000L) {
                    throw new IllegalStateException("still applying after 10 minutes: " + applied + " of " + published);
                }
            }
            long doneAt = System.nanoTime();
            double seconds = (doneAt - firstAt) / 1e9;
            System.out.printf("| end to end, durability on, from a cold JVM | %,d events | %.2f s | %,.0f events/s |%n",
                    applied - firstApplied, seconds, (applied - firstApplied) / seconds);
            double warm = (doneAt - halfAt) / 1e9;
            System.out.printf("| end to end, durability on, second half (JIT warm) | %,d events | %.2f s | %,.0f "
                    + "events/s |%n", applied - halfApplied, warm, (applied - halfApplied) / warm);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

}
