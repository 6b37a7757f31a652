package com.agentnexus.gateway;

import com.agentnexus.events.EventCodec;
import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real gateway on a random port against a real (embedded, KRaft) broker whose topics
 * have 3 partitions. Events are published the way the execution service does: key =
 * executionId, record timestamp = event time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = { "agentnexus.execution.logs", "agentnexus.execution.status", "agentnexus.execution.resources" })
abstract class GatewayIntegrationTest {

    private static final EventCodec CODEC = new EventCodec();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void openProducer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    /** Publishes each event and waits for its ack, as the execution service does. */
    void publish(List<? extends ExecutionEvent> events) {
        events.forEach(event -> publish(event, event.timestamp()));
    }

    /**
     * Publishes the events without waiting for each ack (the producer is idempotent, so
     * each partition keeps their order), then waits for all of them: for long histories.
     */
    void publishAll(List<? extends ExecutionEvent> events) {
        List<Future<?>> acks = new ArrayList<>(events.size());
        for (ExecutionEvent event : events) {
            acks.add(producer.send(new ProducerRecord<>(Topics.DEFAULTS.topicFor(event.type()), null, event.timestamp(),
                    event.executionId().toString(), CODEC.encode(event))));
        }
        producer.flush();
        try {
            for (Future<?> ack : acks) {
                ack.get();
            }
        }
        catch (Exception e) {
            throw new IllegalStateException("publishing failed", e);
        }
    }

    void publish(ExecutionEvent event, long recordTimestamp) {
        var record = new ProducerRecord<>(Topics.DEFAULTS.topicFor(event.type()), null, recordTimestamp,
                event.executionId().toString(), CODEC.encode(event));
        try {
            producer.send(record).get();
        }
        catch (Exception e) {
            throw new IllegalStateException("publishing failed", e);
        }
    }

    /**
     * Publishes a completed execution of 600 log lines of about 16 KiB each (602 events,
     * ~10 MB): more than a stalled client's socket buffers hold.
     */
    ExecutionFixture publishLongHistory(String owner) {
        ExecutionFixture run = ExecutionFixture.anExecution().ownedBy(owner);
        run.pending();
        String line = "y".repeat(16 * 1024 - 100);
        for (int i = 0; i < 600; i++) {
            run.stdout(i + " " + line);
        }
        run.completed("{}");
        publish(run.events());
        return run;
    }

    StreamClient connect(String user) {
        return StreamClient.withBearer(port, TestTokens.user(user));
    }

}
