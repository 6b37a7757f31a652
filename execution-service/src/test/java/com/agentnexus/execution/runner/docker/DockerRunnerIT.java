package com.agentnexus.execution.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.LogStream;
import com.agentnexus.execution.runner.ResourceSample;
import com.agentnexus.execution.runner.RunSpec;
import com.agentnexus.execution.runner.RunnerException;
import com.agentnexus.execution.runner.RunningAgent;
import com.agentnexus.execution.runner.Sandbox;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The Docker runner against a real engine: live output, exit codes, resource samples,
 * clean-up, pulls.
 */
class DockerRunnerIT {

    private static DockerRuns docker;

    @BeforeAll
    static void engine() {
        docker = new DockerRuns();
    }

    @AfterAll
    static void close() {
        if (docker != null) {
            docker.close();
        }
    }

    @Test
    void keepsEachStreamInOrderEvenInABurstOfInterleavedWrites() throws Exception {
        var listener = new RecordingListener();
        RunningAgent agent = docker.runner.start(DockerRuns.spec("i=1; while [ $i -le 200 ]; do "
                + "if [ $((i % 3)) -eq 0 ]; then echo \"line $i\" >&2; else echo \"line $i\"; fi; "
                + "i=$((i + 1)); done; printf 'no newline at the end'"), listener);

        assertThat(DockerRuns.exitCode(agent)).isZero();
        List<String> stdout = IntStream.rangeClosed(1, 200)
            .filter(i -> i % 3 != 0)
            .mapToObj(i -> "line " + i)
            .collect(Collectors.toList());
        stdout.add("no newline at the end");
        assertThat(listener.texts(LogStream.STDOUT)).containsExactlyElementsOf(stdout);
        assertThat(listener.texts(LogStream.STDERR)).containsExactlyElementsOf(IntStream.rangeClosed(1, 200)
            .filter(i -> i % 3 == 0)
            .mapToObj(i -> "line " + i)
            .collect(Collectors.toList()));
    }

    /**
     * Each stream is its own pipe, so lines written to both in the same instant have no
     * order between them — not in the engine either. Lines written apart in time arrive
     * in the order they were written.
     */
    @Test
    void keepsTheOrderAcrossStreamsOfLinesWrittenApart() throws Exception {
        var listener = new RecordingListener();
        RunningAgent agent = docker.runner.start(DockerRuns.spec("i=1; while [ $i -le 12 ]; do "
                + "if [ $((i % 2)) -eq 0 ]; then echo \"seq $i\" >&2; else echo \"seq $i\"; fi; "
                + "sleep 0.2; i=$((i + 1)); done"), listener);

        assertThat(DockerRuns.exitCode(agent)).isZero();
        assertThat(listener.lines).extracting(RecordingListener.Line::text)
            .containsExactlyElementsOf(
                    IntStream.rangeClosed(1, 12).mapToObj(i -> "seq " + i).collect(Collectors.toList()));
        assertThat(listener.texts(LogStream.STDERR)).containsExactly("seq 2", "seq 4", "seq 6", "seq 8", "seq 10",
                "seq 12");
    }

    @Test
    void linesArriveWhileTheAgentIsStillRunning() throws Exception {
        RunSpec spec = DockerRuns.spec("echo first; echo 'to stderr' >&2; sleep 120; echo never");
        var listener = new RecordingListener();
        long started = System.nanoTime();
        RunningAgent agent = docker.runner.start(spec, listener);

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.texts().containsAll(List.of("first", "to stderr")));
        System.out.printf("docker runner: start -> first line %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        assertThat(agent.exit()).isNotDone();

        agent.kill();
        assertThat(DockerRuns.exitCode(agent)).isEqualTo(137);
        assertThat(listener.texts()).doesNotContain("never");
        assertThat(docker.containersOf(spec)).isEmpty();
    }

    @Test
    void reportsANonZeroExitCodeAndRemovesTheContainer() throws Exception {
        RunSpec spec = DockerRuns.spec("echo 'about to fail'; exit 3");
        var listener = new RecordingListener();
        RunningAgent agent = docker.runner.start(spec, listener);

        assertThat(DockerRuns.exitCode(agent)).isEqualTo(3);
        assertThat(listener.texts()).containsExactly("about to fail");
        assertThat(docker.containersOf(spec)).isEmpty();
    }

    @Test
    void samplesMemoryAndCpuOfABusyContainerHeldToHalfACore() throws Exception {
        RunSpec spec = DockerRuns
            .spec("blob=$(head -c 20000000 /dev/zero | tr '\\0' x); echo busy; " + "while :; do :; done");
        var listener = new RecordingListener();
        RunningAgent agent = docker.runner.start(spec, listener);

        // Half a core: the loop shows up to about 50 % (less only when the machine itself
        // is busy), and never more than the quota allows in a 0.5 s window of 100 ms CFS
        // periods (at most 6 x 50 ms = 60 %). The blob is built by head | tr, which is
        // busy too: wait for a sample of the loop holding the blob.
        await().atMost(Duration.ofSeconds(60))
            .until(() -> listener.samples.stream()
                .anyMatch(sample -> sample.cpuPercent() >= 25 && sample.memoryBytes() > 20_000_000L));
        agent.kill();
        assertThat(DockerRuns.exitCode(agent)).isEqualTo(137);

        List<ResourceSample> samples = List.copyOf(listener.samples);
        System.out.printf("docker runner: cpu %% samples %s%n",
                samples.stream().map(ResourceSample::cpuPercent).collect(Collectors.toList()));
        assertThat(samples).allSatisfy(sample -> assertThat(sample.cpuPercent()).isBetween(0.0, 65.0));
        assertThat(samples).anySatisfy(sample -> assertThat(sample.memoryBytes()).isGreaterThan(20_000_000L));
        assertThat(samples).extracting(ResourceSample::elapsed).isSorted();
        int count = samples.size();
        assertThat(listener.samples).hasSize(count); // nothing after exit
    }

    @Test
    void aLocalImageIsUsedWithoutPulling() throws Exception {
        var listener = new RecordingListener();
        RunningAgent agent = docker.runner.start(DockerRuns.spec("echo hi"), listener);

        assertThat(DockerRuns.exitCode(agent)).isZero();
        assertThat(listener.texts(LogStream.SYSTEM)).isEmpty();
    }

    @Test
    void anImageMissingLocallyIsPulledFromItsRegistryThenRunAndThenFoundLocally() throws Exception {
        String tag = "t" + System.nanoTime();
        try (var registry = TestRegistry.serving(docker.engine, Sandbox.DEFAULT.image(), "agentnexus/pulled", tag)) {
            String image = registry.reference();
            Sandbox sandbox = new Sandbox(image, DataSize.ofMegabytes(64), 0.5, 10);
            try {
                var pulled = new RecordingListener();
                RunningAgent first = docker.runner.start(DockerRuns.spec("echo from the pulled image", sandbox),
                        pulled);

                assertThat(DockerRuns.exitCode(first)).isZero();
                assertThat(pulled.texts(LogStream.SYSTEM)).containsExactly("Pulling image " + image,
                        "Image ready " + image);
                assertThat(pulled.texts(LogStream.STDOUT)).containsExactly("from the pulled image");
                assertThat(registry.requests()).contains("GET " + registry.manifestPath());
                assertThat(docker.engine.calls().inspectImageCmd(image).exec().getConfig().getLabels())
                    .containsEntry("com.agentnexus.test", "pulled");

                int served = registry.requests().size();
                var local = new RecordingListener();
                RunningAgent second = docker.runner.start(DockerRuns.spec("echo again", sandbox), local);
                assertThat(DockerRuns.exitCode(second)).isZero();
                assertThat(local.texts(LogStream.SYSTEM)).isEmpty();
                assertThat(registry.requests()).hasSize(served);
            }
            finally {
                docker.removeImage(image);
            }
        }
    }

    @Test
    void anImageTheRegistryDoesNotHaveFailsTheStartWithTheRegistrysAnswer() {
        try (var registry = TestRegistry.serving(docker.engine, Sandbox.DEFAULT.image(), "agentnexus/pulled", "v1")) {
            String image = registry.reference().replace("/pulled:", "/absent:");
            RunSpec spec = DockerRuns.spec("echo never", new Sandbox(image, DataSize.ofMegabytes(64), 0.5, 10));
            var listener = new RecordingListener();

            assertThatThrownBy(() -> docker.runner.start(spec, listener)).isInstanceOf(RunnerException.class)
                .hasMessageStartingWith("pulling image " + image + " failed: ")
                .hasMessageContaining("manifest unknown");
            assertThat(listener.texts(LogStream.SYSTEM)).containsExactly("Pulling image " + image);
            assertThat(registry.requests()).anyMatch(r -> r.contains("/v2/agentnexus/absent/manifests/v1"));
            assertThat(docker.containersOf(spec)).isEmpty();
        }
    }

    @Test
    void aFailedPullFailsTheStartWithTheReason() {
        String image = "localhost:1/agentnexus/no-such-image:1";
        RunSpec spec = DockerRuns.spec("echo never", new Sandbox(image, DataSize.ofMegabytes(64), 0.5, 10));
        var listener = new RecordingListener();

        assertThatThrownBy(() -> docker.runner.start(spec, listener)).isInstanceOf(RunnerException.class)
            .hasMessageStartingWith("pulling image " + image + " failed: ");
        assertThat(listener.texts(LogStream.SYSTEM)).containsExactly("Pulling image " + image);
        assertThat(docker.containersOf(spec)).isEmpty();
    }

    @Test
    void theContainerIsGoneOnceTheExitCompletes() throws Exception {
        RunSpec spec = DockerRuns.spec("echo done");
        RunningAgent agent = docker.runner.start(spec, new RecordingListener());
        assertThat(DockerRuns.exitCode(agent)).isZero();

        assertThat(docker.containersOf(spec)).isEmpty();
        assertThatThrownBy(() -> docker.engine.calls().inspectContainerCmd("agentnexus-" + spec.executionId()).exec())
            .isInstanceOf(NotFoundException.class);
    }

}
