package com.agentnexus.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionStatus;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An agent printing a million lines as fast as it can ({@code seq 1 1000000}), far faster
 * than Kafka takes them, and the check that its run arrived complete. Used by the
 * bursty-agent tests and the line-throughput benchmark, each with a database of its own
 * ({@link DedicatedDatabase}): the agent it adds must not show up in other tests' lists.
 */
abstract class MillionLineAgent {

    static final long LINES = 1_000_000;
    static final String TOKEN = Tokens.forUser("burst");

    @Autowired
    WebTestClient client;

    abstract String agentId();

    /**
     * Starts the million-line agent and reads its whole run back from Kafka while it
     * runs.
     */
    RunOnKafka.Summary runMillionLines() throws Exception {
        return new RunOnKafka().read(startMillionLines(), Duration.ofMinutes(5));
    }

    String startMillionLines() throws Exception {
        Api api = api();
        api.addAgent(agentId(), "Bursty agent", 600_000, "seq 1 " + LINES + "\necho '{\"lines\":" + LINES + "}'\n");
        return api.start(TOKEN, agentId());
    }

    Api api() {
        return new Api(client.mutate().responseTimeout(Duration.ofSeconds(30)).build());
    }

    static void assertCompleteCountingRun(RunOnKafka.Summary run) {
        assertThat(run.terminal()).isNotNull();
        assertThat(run.terminal().status()).as(String.valueOf(run.terminal().error()))
            .isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(run.duplicates()).isZero();
        assertThat(run.missing()).isZero();
        assertThat(run.terminalIsLast()).isTrue();
        assertThat(run.stdoutLines()).isEqualTo(LINES + 1);
        assertThat(run.terminal().eventCount()).isEqualTo(run.received());
        assertThat(run.terminal().logChecksum()).isEqualTo(run.checksum());
        assertThat(run.terminal().outputJson()).isEqualTo("{\"lines\":" + LINES + "}");
    }

}
