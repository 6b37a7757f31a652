package com.agentnexus.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The process runner leaves nothing behind: a background job the agent started dies with
 * it — whether the agent exits on its own, times out or is cancelled — and no reader
 * thread stays blocked on its output.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agentnexus.runner.mode=process")
@AutoConfigureWebTestClient
@DirtiesContext
@DedicatedDatabase
class ProcessTreeIT {

    @Autowired
    private WebTestClient client;

    @BeforeEach
    void longerTimeouts() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void aBackgroundJobDoesNotOutliveAnAgentThatExits() {
        // A sleep long enough to be unmistakable, with a duration no other process has on
        // its command line.
        String sleep = uniqueSleep();
        String id = run("leaves-a-job", 60_000, sleep + " & echo '{\"ok\":true}'", "COMPLETED");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(processesRunning(sleep)).isEmpty();
            assertThat(readerThreadsOf(id)).isEmpty();
        });
    }

    @Test
    void aTimeoutKillsTheWholeTree() {
        String sleep = uniqueSleep();
        String id = run("times-out", 1_000, "(" + sleep + " &); " + sleep, "TIMED_OUT");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(processesRunning(sleep)).isEmpty();
            assertThat(readerThreadsOf(id)).isEmpty();
        });
    }

    @Test
    void aCancelKillsTheWholeTree() {
        String sleep = uniqueSleep();
        String owner = Tokens.forUser("tree-owner");
        addAgent("cancelled", 60_000, "(" + sleep + " &); echo started; " + sleep);
        Api api = new Api(client);
        String id = api.start(owner, "cancelled");
        await().atMost(Duration.ofSeconds(15)).until(() -> processesRunning(sleep).size() == 2);

        api.cancel(owner, id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(processesRunning(sleep)).isEmpty();
            assertThat(readerThreadsOf(id)).isEmpty();
        });
    }

    private String run(String agentId, long timeoutMs, String script, String expectedEnd) {
        String owner = Tokens.forUser("tree-owner");
        addAgent(agentId, timeoutMs, script);
        Api api = new Api(client);
        String id = api.start(owner, agentId);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.status(owner, id).equals(expectedEnd));
        return id;
    }

    private void addAgent(String agentId, long timeoutMs, String script) {
        String body = "{\"id\":\"" + agentId + "\",\"name\":\"Tree\",\"priceWei\":\"1\",\"timeoutMs\":" + timeoutMs
                + ",\"script\":\"" + script.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        client.post()
            .uri("/api/agents")
            .headers(h -> h.setBearerAuth(Tokens.forUser("root", "admin")))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated();
    }

    private static String uniqueSleep() {
        return "sleep " + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
    }

    /**
     * The {@code sleep} processes with exactly this command line (not the shell whose
     * script mentions it).
     */
    private static List<String> processesRunning(String commandLine) {
        return ProcessHandle.allProcesses()
            .filter(ProcessHandle::isAlive)
            .map(process -> process.info().commandLine().orElse(""))
            .filter(line -> line.endsWith("/" + commandLine))
            .collect(Collectors.toList());
    }

    /** Reader threads are named after the execution while they read its output. */
    private static List<String> readerThreadsOf(String executionId) {
        return Thread.getAllStackTraces()
            .keySet()
            .stream()
            .map(Thread::getName)
            .filter(name -> name.contains(executionId))
            .collect(Collectors.toList());
    }

}
