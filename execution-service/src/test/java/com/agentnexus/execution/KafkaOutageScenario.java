package com.agentnexus.execution;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What both Kafka outage tests share: a ticker agent in the class's own database, a
 * broker that can be stopped and restarted in place, and a reader of the execution's
 * records. Each subclass keeps its own Spring context (its own properties and database).
 */
abstract class KafkaOutageScenario {

    @Autowired
    WebTestClient client;

    @Autowired
    MeterRegistry registry;

    final RestartableKafka kafka = RestartableKafka.shared();

    final KafkaOutageSupport reader = KafkaOutageSupport.reader();

    /**
     * The database this class's context uses (see {@link KafkaOutageSupport#register}).
     */
    abstract String database();

    @BeforeEach
    void tickerAgent() throws Exception {
        KafkaOutageSupport.insertTicker(database());
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterEach
    void brokerRunsAgain() {
        kafka.start();
    }

    /**
     * Stops the broker, waits until the service has noticed ({@code noticed}), then
     * starts it again.
     */
    void outageUntil(Callable<Boolean> noticed) {
        kafka.stop();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(noticed);
        kafka.start();
    }

}
