package com.agentnexus.execution;

import static com.agentnexus.events.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.EventCodec;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogChecksum;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.events.LogStream;
import com.agentnexus.events.ResourcesSampled;
import com.agentnexus.events.UserId;
import com.agentnexus.execution.EventsOnKafka.Received;
import com.fasterxml.uuid.Generators;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A previous process died with two executions unfinished and one whose terminal status
 * reached Kafka but not its row. Before this context starts, their rows and events are
 * put in place as that process left them; start-up must then end them with seq continuing
 * where Kafka stopped (the rows' last_seq is stale on purpose).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agentnexus.execution.recover-orphans=true")
@AutoConfigureWebTestClient
class RestartRecoveryIT {

    private static final DedicatedPostgres POSTGRES = DedicatedPostgres.start();

    private static final String OWNER = "orphan-owner";

    private static final ExecutionId RUNNING = newId();

    private static final ExecutionId PENDING = newId();

    private static final ExecutionId ENDED_ON_KAFKA = newId();

    private static final ExecutionId GAPPED = newId();

    private static final String LOST = "event lost: the service stopped before Kafka acknowledged it";

    private static final List<String> RUNNING_LINES = List.of("step 1", "step 2 with ünïcode", "step 3");

    @DynamicPropertySource
    static void leftoversOfAPreviousProcess(DynamicPropertyRegistry registry) throws Exception {
        Flyway.configure().dataSource(POSTGRES.dataSource()).load().migrate();
        ensureTopics();
        insertRow(RUNNING, "RUNNING", 2);
        insertRow(PENDING, "PENDING", 0);
        insertRow(ENDED_ON_KAFKA, "RUNNING", 2);
        insertRow(GAPPED, "RUNNING", 2);
        var running = new Events(RUNNING);
        publish(running.status(ExecutionStatus.PENDING), running.status(ExecutionStatus.RUNNING),
                running.line(RUNNING_LINES.get(0)), running.sample(), running.line(RUNNING_LINES.get(1)),
                running.line(RUNNING_LINES.get(2)), running.sample());
        var pending = new Events(PENDING);
        publish(pending.status(ExecutionStatus.PENDING));
        var ended = new Events(ENDED_ON_KAFKA);
        publish(ended.status(ExecutionStatus.PENDING), ended.status(ExecutionStatus.RUNNING), ended.line("only"),
                ended.failed(4));
        // The dying producer had seq 5 acknowledged while seq 4 never arrived.
        var gapped = new Events(GAPPED);
        ExecutionEvent pendingStatus = gapped.status(ExecutionStatus.PENDING);
        ExecutionEvent runningStatus = gapped.status(ExecutionStatus.RUNNING);
        ExecutionEvent before = gapped.line("before the gap");
        gapped.line("never arrived");
        ExecutionEvent after = gapped.line("after the gap");
        publish(pendingStatus, runningStatus, before, after);
        POSTGRES.register(registry);
    }

    @Autowired
    private WebTestClient client;

    private final EventsOnKafka kafka = new EventsOnKafka();

    @Test
    void runningOrphanEndsFailedInterruptedWithSeqAndChecksumContinued() {
        List<ExecutionEvent> events = events(RUNNING);

        assertThat(events).hasSize(8).isCompleteRun().endsWith(ExecutionStatus.FAILED);
        var terminal = (ExecutionStatusChanged) events.get(7);
        assertThat(terminal.error()).isEqualTo("interrupted");
        var checksum = new LogChecksum();
        RUNNING_LINES.forEach(checksum::update);
        assertThat(terminal.logChecksum()).isEqualTo(checksum.value());
        assertThat(terminal.agentName()).isEqualTo("Demo worker");

        JsonNode row = view(RUNNING);
        assertThat(row.get("status").asString()).isEqualTo("FAILED");
        assertThat(row.get("error").asString()).isEqualTo("interrupted");
        assertThat(row.get("lastSeq").asLong()).isEqualTo(8);
    }

    @Test
    void aSeqLostWithThePreviousProcessIsFilledWithASystemLineSoNoSubscriberWaitsForever() {
        List<Received> received = new ArrayList<>();
        kafka.readUntil(GAPPED.toString(), sofar -> sofar.size() >= 6, Duration.ofSeconds(20), received);
        List<ExecutionEvent> events = received.stream()
            .map(Received::event)
            .sorted(Comparator.comparingLong(ExecutionEvent::seq))
            .collect(Collectors.toList());

        assertThat(events).hasSize(6).isCompleteRun().endsWith(ExecutionStatus.FAILED);
        var filler = (LogLineEmitted) events.get(3);
        assertThat(filler.stream()).isEqualTo(LogStream.SYSTEM);
        assertThat(filler.line()).isEqualTo(LOST);
        var terminal = (ExecutionStatusChanged) events.get(5);
        assertThat(terminal.error()).isEqualTo("interrupted");
        assertThat(terminal.logChecksum())
            .isEqualTo(new LogChecksum().update("before the gap").update(LOST).update("after the gap").value());
        assertThat(view(GAPPED).get("lastSeq").asLong()).isEqualTo(6);
    }

    @Test
    void pendingOrphanEndsFailedRightAfterItsPendingEvent() {
        List<ExecutionEvent> events = events(PENDING);

        assertThat(events).hasSize(2).isCompleteRun().endsWith(ExecutionStatus.FAILED);
        assertThat(view(PENDING).get("lastSeq").asLong()).isEqualTo(2);
    }

    @Test
    void anEndAlreadyOnKafkaIsRecordedWithoutASecondTerminalEvent() {
        List<ExecutionEvent> events = new EventsToEnd().of(ENDED_ON_KAFKA.toString());

        assertThat(events).hasSize(4);
        JsonNode row = view(ENDED_ON_KAFKA);
        assertThat(row.get("status").asString()).isEqualTo("FAILED");
        assertThat(row.get("exitCode").asInt()).isEqualTo(4);
        assertThat(row.get("lastSeq").asLong()).isEqualTo(4);
    }

    private List<ExecutionEvent> events(ExecutionId id) {
        return kafka.untilTerminal(id.toString(), Duration.ofSeconds(20))
            .stream()
            .map(Received::event)
            .collect(Collectors.toList());
    }

    private JsonNode view(ExecutionId id) {
        return client.get()
            .uri("/api/executions/{id}", id.toString())
            .headers(h -> h.setBearerAuth(Tokens.forUser(OWNER)))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    }

    private static ExecutionId newId() {
        return new ExecutionId(Generators.timeBasedEpochGenerator().generate());
    }

    private static void insertRow(ExecutionId id, String status, long lastSeq) throws SQLException {
        try (Connection connection = POSTGRES.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO executions (id, agent_id, user_id, status, input, price_wei, created_at,
                            started_at, last_seq)
                        VALUES (?, 'demo-worker', ?, ?, '{}'::jsonb, 1000000000000000000, ?, ?, ?)""")) {
            insert.setObject(1, id.value());
            insert.setString(2, OWNER);
            insert.setString(3, status);
            insert.setTimestamp(4, Timestamp.from(id.createdAt()));
            insert.setTimestamp(5, status.equals("RUNNING") ? Timestamp.from(id.createdAt()) : null);
            insert.setLong(6, lastSeq);
            insert.executeUpdate();
        }
    }

    /**
     * As the service declares them (3 partitions): a producer must not auto-create them
     * with one.
     */
    private static void ensureTopics() throws InterruptedException, ExecutionException {
        try (var admin = AdminClient.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrap()))) {
            for (String topic : TestInfrastructure.topics().all()) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                }
                catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static void publish(ExecutionEvent... events) throws InterruptedException, ExecutionException {
        var codec = new EventCodec();
        try (var producer = new KafkaProducer<String, String>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.ACKS_CONFIG, "all"))) {
            for (ExecutionEvent event : events) {
                producer
                    .send(new ProducerRecord<>(TestInfrastructure.topics().topicFor(event.type()), null,
                            event.timestamp(), event.executionId().toString(), codec.encode(event)))
                    .get();
            }
        }
    }

    /**
     * The events a previous process would have published for one execution, numbered from
     * 1.
     */
    private static final class Events {

        private final ExecutionId id;

        private final List<String> lines = new ArrayList<>();

        private long seq;

        Events(ExecutionId id) {
            this.id = id;
        }

        ExecutionEvent status(ExecutionStatus status) {
            return ExecutionStatusChanged.transition(id, new AgentId("demo-worker"), new UserId(OWNER), ++seq,
                    System.currentTimeMillis(), status, "Demo worker", null);
        }

        ExecutionEvent line(String line) {
            lines.add(line);
            return new LogLineEmitted(id, new AgentId("demo-worker"), new UserId(OWNER), ++seq,
                    System.currentTimeMillis(), LogStream.STDOUT, line);
        }

        ExecutionEvent sample() {
            return new ResourcesSampled(id, new AgentId("demo-worker"), new UserId(OWNER), ++seq,
                    System.currentTimeMillis(), 1024, 1.5, 100);
        }

        ExecutionEvent failed(int exitCode) {
            var checksum = new LogChecksum();
            lines.forEach(checksum::update);
            ++seq;
            return new ExecutionStatusChanged(id, new AgentId("demo-worker"), new UserId(OWNER), seq,
                    System.currentTimeMillis(), ExecutionStatus.FAILED, "Demo worker", null, null,
                    "exited with code " + exitCode, exitCode, 50L, seq, checksum.value());
        }

    }

}
