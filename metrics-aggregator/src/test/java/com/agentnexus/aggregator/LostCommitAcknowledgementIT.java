package com.agentnexus.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.support.PrometheusScrape;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A batch commits in PostgreSQL but the acknowledgement never reaches the aggregator (the
 * connection breaks right after COMMIT). The aggregator must not trust what it holds in
 * memory: re-applying the batch from its own positions would count it twice. It reloads
 * from PostgreSQL and goes on from the stored positions.
 */
@EmbeddedKafka(partitions = 3,
        topics = { "agentnexus.execution.logs", "agentnexus.execution.status", "agentnexus.execution.resources" },
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.consumer.group-id=lost-commit-it", "agentnexus.aggregator.retry-backoff=200ms" })
// a 2-core CI runner under the whole suite may take seconds to answer; timing is not what
// these tests check
@AutoConfigureWebTestClient(timeout = "PT60S")
@Import(LostCommitAcknowledgementIT.FaultyCommits.class)
class LostCommitAcknowledgementIT {

    /** Commits that will be carried out and then reported as failed. */
    static final AtomicInteger LOSE_ACKNOWLEDGEMENTS = new AtomicInteger();
    static final AtomicInteger LOST = new AtomicInteger();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    private WebTestClient web;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Test
    void countsABatchWhoseCommitWasNotAcknowledgedOnce() {
        EventTopics.publish(broker.getBrokersAsString(), runs(50, true));
        await().atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(sum("agentnexus_executions_total")).isEqualTo(50));

        // the runs of the next batch are open (PENDING, RUNNING) in memory when their
        // commit is lost
        LOSE_ACKNOWLEDGEMENTS.set(1);
        List<ExecutionEvent> open = new ArrayList<>();
        List<ExecutionEvent> ends = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            var run = ExecutionFixture.anExecution().ofAgent("ack-agent", "Ack agent", "3");
            open.add(run.pending());
            open.add(run.running());
            ends.add(run.completed("{}"));
        }
        EventTopics.publish(broker.getBrokersAsString(), open);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(LOST).hasValue(1);
            assertThat(sum("agentnexus_executions_total")).isEqualTo(100);
        });
        EventTopics.publish(broker.getBrokersAsString(), ends);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(sum("agentnexus_execution_status_total", "COMPLETED")).isEqualTo(100);
            assertThat(sum("agentnexus_agent_revenue_wei_total")).isEqualTo(300);
        });
        assertThat(sum("agentnexus_executions_total")).isEqualTo(100);
        assertThat(sum("agentnexus_execution_status_total", "RUNNING")).isEqualTo(100);
        assertThat(sum("agentnexus_agent_running_executions")).isZero();
        assertThat(sum("agentnexus_aggregator_duplicate_events_total")).isZero();
    }

    private static List<ExecutionEvent> runs(int count, boolean finished) {
        List<ExecutionEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var run = ExecutionFixture.anExecution().ofAgent("ack-agent", "Ack agent", "3");
            run.pending();
            run.running();
            if (finished) {
                run.completed("{}");
            }
            events.addAll(run.events());
        }
        return events;
    }

    private double sum(String name, String... status) {
        String scrape = web.get()
            .uri("/metrics")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(scrape).isNotNull();
        return PrometheusScrape.of(scrape).sum(name, status.length == 0 ? Map.of() : Map.of("status", status[0]));
    }

    /**
     * Wraps the pool so that chosen commits happen in PostgreSQL and then throw, as a
     * broken connection would.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class FaultyCommits {

        @Bean
        static BeanPostProcessor losingCommitAcknowledgements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)
                            ? new LosingDataSource(dataSource) : bean;
                }
            };
        }

    }

    static final class LosingDataSource extends DelegatingDataSource {

        LosingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = super.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                        try {
                            Object result = method.invoke(real, args);
                            if (method.getName().equals("commit")
                                    && LOSE_ACKNOWLEDGEMENTS.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                LOST.incrementAndGet();
                                throw new SQLTransientConnectionException("connection reset after COMMIT");
                            }
                            return result;
                        }
                        catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

    }

}
