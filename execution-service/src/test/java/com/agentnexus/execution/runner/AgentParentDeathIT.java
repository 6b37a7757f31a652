package com.agentnexus.execution.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No agent outlives its service, however the service dies: a SIGKILL leaves the service
 * no chance to kill its agents, so the kernel must (parent-death signal). The agent
 * writes nothing and keeps a background job, the hardest case: nothing it does would
 * notice the service is gone.
 */
class AgentParentDeathIT {

    private Process host;

    private long seconds;

    @AfterEach
    void killLeftovers() {
        if (host != null) {
            host.destroyForcibly();
        }
        // should the test fail, its sleeps must not outlive it either
        sleeping(seconds, seconds + 1).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void aSigkilledServiceTakesItsSilentAgentAndItsBackgroundJobsWithIt() throws Exception {
        seconds = 100_000 + ThreadLocalRandom.current().nextInt(800_000);
        String job = "sleep " + seconds;
        String foreground = "sleep " + (seconds + 1);
        host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), AgentHost.class.getName(), job + " & " + foreground)
            .redirectErrorStream(true)
            .start();
        try (var out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("started");
            await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(sleeping(seconds, seconds + 1)).hasSize(2));

            host.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in
                                    // the host
            host.waitFor();

            await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(sleeping(seconds, seconds + 1)).isEmpty());
        }
    }

    /**
     * The {@code sleep} processes with one of these durations (no other process sleeps
     * that long).
     */
    private static List<ProcessHandle> sleeping(long... seconds) {
        List<String> wanted = Arrays.stream(seconds).mapToObj(Long::toString).collect(Collectors.toList());
        return ProcessHandle.allProcesses()
            .filter(process -> process.info().command().orElse("").endsWith("/sleep"))
            .filter(process -> process.info()
                .arguments()
                .map(Arrays::asList)
                .filter(arguments -> arguments.size() == 1 && wanted.contains(arguments.get(0)))
                .isPresent())
            .collect(Collectors.toList());
    }

}
