package com.agentnexus.execution;

import static com.agentnexus.events.EventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.execution.EventsOnKafka.Received;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the Kafka outage tests share: a database of their own in the shared PostgreSQL,
 * the restartable broker, a ticking test agent, and a reader of one execution's records
 * with where they sat on the broker.
 */
final class KafkaOutageSupport {

    /**
     * Prints "tick 1" … "tick 40", one every 200 ms (about 8 s), then its output object.
     */
    static final String TICKER = "outage-ticker";
    static final int TICKS = 40;

    private final EventsOnKafka kafka = EventsOnKafka.on(RestartableKafka.shared());

    private KafkaOutageSupport() {
    }

    static KafkaOutageSupport reader() {
        return new KafkaOutageSupport();
    }

    static void register(DynamicPropertyRegistry registry, String database) {
        int port = TestInfrastructure.postgresPort();
        createDatabase(port, database);
        TestInfrastructure.registerDatabase(registry, port, database);
        TestInfrastructure.registerService(registry, () -> RestartableKafka.shared().bootstrap());
    }

    /** Adds the ticker agent (after Flyway has created the schema). */
    static void insertTicker(String database) throws SQLException {
        String script = "i=1\nwhile [ $i -le " + TICKS + " ]; do\n  echo \"tick $i\"\n  sleep 0.2\n"
                + "  i=$((i + 1))\ndone\necho '{\"ticks\":" + TICKS + "}'\n";
        try (var connection = DriverManager.getConnection(jdbcUrl(TestInfrastructure.postgresPort(), database),
                "postgres", "postgres");
                var insert = connection.prepareStatement("INSERT INTO agents (id, name, price_wei, timeout_ms, "
                        + "script) VALUES (?, 'Outage ticker', 7, 60000, ?) ON CONFLICT (id) DO NOTHING")) {
            insert.setString(1, TICKER);
            insert.setString(2, script);
            insert.executeUpdate();
        }
    }

    /**
     * Reads the execution's records from the start of every partition until {@code done}
     * holds for them.
     */
    List<Received> readUntil(String executionId, Predicate<List<ExecutionEvent>> done, Duration atMost) {
        List<Received> received = new ArrayList<>();
        read(executionId, done, atMost, received);
        return received;
    }

    private void read(String executionId, Predicate<List<ExecutionEvent>> done, Duration atMost,
            List<Received> received) {
        kafka.readUntil(executionId,
                sofar -> done.test(sofar.stream().map(Received::event).collect(Collectors.toList())), atMost, received);
    }

    /**
     * Reads until the terminal status and as many events as it counts are in. Topics are
     * separate partitions, so the terminal may be fetched before a lower-seq record of
     * another topic; a real gap shows in the assertions after {@code atMost}.
     */
    List<Received> readUntilTerminal(String executionId, Duration atMost) {
        List<Received> received = new ArrayList<>();
        try {
            read(executionId,
                    events -> events.stream()
                        .filter(KafkaOutageSupport::isTerminal)
                        .anyMatch(end -> events.size() >= ((ExecutionStatusChanged) end).eventCount()),
                    atMost, received);
        }
        catch (ConditionTimeoutException e) {
            // fall through: the assertions say what is missing
        }
        return received;
    }

    /**
     * The published stream, by seq, is a complete run (seq 1..n, each once, exactly one
     * terminal status, last, that counts them all and carries their log checksum); on
     * each topic, broker offsets follow seq.
     */
    static List<ExecutionEvent> assertContiguousAndTerminatedOnce(List<Received> received) {
        List<ExecutionEvent> bySeq = received.stream()
            .map(Received::event)
            .sorted(Comparator.comparingLong(ExecutionEvent::seq))
            .collect(Collectors.toList());
        assertThat(bySeq).isCompleteRun();
        received.stream()
            .collect(Collectors.groupingBy(Received::topic))
            .values()
            .forEach(inTopic -> assertThat(inTopic).extracting(r -> r.event().seq()).isSorted());
        return bySeq;
    }

    static List<String> lines(List<ExecutionEvent> events) {
        return events.stream()
            .filter(LogLineEmitted.class::isInstance)
            .map(e -> ((LogLineEmitted) e).line())
            .collect(Collectors.toList());
    }

    static boolean isTerminal(ExecutionEvent event) {
        return event instanceof ExecutionStatusChanged status && status.isTerminal();
    }

    private static void createDatabase(int port, String database) {
        try (var connection = DriverManager.getConnection(jdbcUrl(port, "postgres"), "postgres", "postgres");
                var statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

}
