package com.agentnexus.execution.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.events.LogStream;
import com.agentnexus.execution.runner.RunSpec;
import com.agentnexus.execution.runner.RunningAgent;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every hardening option, proven on a real engine: by inspecting the container and by
 * what a script can do.
 */
class ContainerHardeningIT {

    private static final long MIB = 1024L * 1024;

    /**
     * What Docker's defaults grant and podman lists instead of ALL when asked to drop
     * everything.
     */
    private static final List<Capability> DEFAULT_CAPABILITIES = List.of(Capability.CHOWN, Capability.DAC_OVERRIDE,
            Capability.FOWNER, Capability.FSETID, Capability.KILL, Capability.NET_BIND_SERVICE, Capability.NET_RAW,
            Capability.SETFCAP, Capability.SETGID, Capability.SETPCAP, Capability.SETUID, Capability.SYS_CHROOT,
            Capability.MKNOD, Capability.AUDIT_WRITE);

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
    void theCreatedContainerCarriesEveryHardeningOption() throws Exception {
        RunSpec spec = DockerRuns.spec("echo ready; sleep 60");
        var listener = new RecordingListener();
        RunningAgent agent = docker.runner.start(spec, listener);
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.texts().contains("ready"));

        List<Container> containers = docker.containersOf(spec);
        assertThat(containers).hasSize(1);
        InspectContainerResponse container = docker.engine.calls()
            .inspectContainerCmd(containers.get(0).getId())
            .exec();
        HostConfig host = container.getHostConfig();
        assertThat(host.getMemory()).isEqualTo(512 * MIB);
        assertThat(host.getMemorySwap()).isEqualTo(512 * MIB);
        assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(host.getPidsLimit()).isEqualTo(100L);
        assertThat(host.getNetworkMode()).isEqualTo("none");
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getTmpFs().get("/tmp").split(",")).contains("rw", "noexec", "nosuid", "size=100m");
        assertThat(host.getSecurityOpts()).contains("no-new-privileges");
        assertThat(host.getCapDrop()).satisfiesAnyOf(dropped -> assertThat(dropped).contains(Capability.ALL),
                dropped -> assertThat(dropped).containsAll(DEFAULT_CAPABILITIES));
        assertThat(host.getCapAdd()).isNullOrEmpty();
        assertThat(container.getConfig().getUser()).isEqualTo("1000:1000");
        assertThat(container.getConfig().getLabels())
            .containsEntry("com.agentnexus.execution", spec.executionId().toString())
            .containsEntry("com.agentnexus.agent", "test-agent")
            .containsEntry("com.agentnexus.user", "alice")
            .containsKey("com.agentnexus.created");
        assertThat(container.getConfig().getEnv()).contains("INPUT_DATA={\"prompt\":\"hi\"}",
                "EXECUTION_ID=" + spec.executionId(), "AGENT_ID=test-agent");
        assertThat(container.getConfig().getCmd()).containsExactly("sh", "-c", "echo ready; sleep 60");
        assertLogSizeIsBounded(container);

        agent.kill();
        assertThat(DockerRuns.exitCode(agent)).isEqualTo(137);
        assertThat(docker.containersOf(spec)).isEmpty();
    }

    @Test
    void theRootFilesystemIsReadOnlyAndTmpIsWritableButNotExecutable() throws Exception {
        var listener = new RecordingListener();
        RunningAgent agent = docker.runner.start(DockerRuns.spec(
                "touch /escape 2>&1 || echo 'root: write refused'; " + "echo data > /tmp/file && echo 'tmp: writable'; "
                        + "cp /bin/busybox /tmp/tool && /tmp/tool true 2>&1 || echo 'tmp: exec refused'"),
                listener);

        assertThat(DockerRuns.exitCode(agent)).isZero();
        assertThat(listener.texts(LogStream.STDOUT)).contains("root: write refused", "tmp: writable",
                "tmp: exec refused");
        assertThat(listener.texts()).anyMatch(line -> line.contains("Read-only file system"));
    }

    @Test
    void anAllocationBeyondTheMemoryLimitIsKilled() throws Exception {
        var listener = new RecordingListener();
        // The shell holds a command substitution's whole output: 700 MB, far above 512
        // MiB with swap equal to it.
        RunningAgent agent = docker.runner
            .start(DockerRuns.spec("blob=$(head -c 700m /dev/zero | tr '\\0' x); echo survived"), listener);

        int exitCode = DockerRuns.exitCode(agent);

        assertThat(exitCode).isEqualTo(137);
        assertThat(listener.texts()).doesNotContain("survived");
    }

    @Test
    void aForkBombStopsAtThePidsLimitAndTheContainerSurvivesToReport() throws Exception {
        var listener = new RecordingListener();
        // The bomb runs in a subshell, which dies at its first failed fork; afterwards
        // only shell builtins are used, since nothing else can be started while the limit
        // is reached.
        RunningAgent agent = docker.runner.start(DockerRuns
            .spec("( i=0; while [ $i -lt 500 ]; do sleep 300 & i=$((i + 1)); done ); echo \"bomb exit: $?\"; "
                    + "n=0; for p in /proc/[0-9]*; do n=$((n + 1)); done; echo \"processes: $n\"; "
                    + "kill -9 -1; echo survived"),
                listener);

        assertThat(DockerRuns.exitCode(agent)).isZero();
        assertThat(listener.texts(LogStream.STDERR)).anyMatch(line -> line.contains("can't fork"));
        assertThat(listener.texts(LogStream.STDOUT)).contains("bomb exit: 2", "survived");
        String processes = listener.texts(LogStream.STDOUT)
            .stream()
            .filter(line -> line.startsWith("processes: "))
            .findFirst()
            .orElseThrow();
        assertThat(Integer.parseInt(processes.substring("processes: ".length()))).isBetween(90, 100);
    }

    @Test
    void theOnlyNetworkInterfaceIsLoopback() throws Exception {
        var listener = new RecordingListener();
        RunningAgent agent = docker.runner.start(DockerRuns.spec("tail -n +3 /proc/net/dev"), listener);

        assertThat(DockerRuns.exitCode(agent)).isZero();
        List<String> interfaces = listener.texts(LogStream.STDOUT)
            .stream()
            .map(line -> line.trim().split(":")[0])
            .collect(Collectors.toList());
        assertThat(interfaces).containsExactly("lo");
    }

    @Test
    void theAgentRunsAsAnUnprivilegedUserWithoutCapabilities() throws Exception {
        var listener = new RecordingListener();
        RunningAgent agent = docker.runner.start(
                DockerRuns.spec(
                        "echo \"uid=$(id -u) gid=$(id -g)\"; grep -E '^(CapEff|CapBnd|NoNewPrivs)' /proc/self/status"),
                listener);

        assertThat(DockerRuns.exitCode(agent)).isZero();
        assertThat(listener.texts(LogStream.STDOUT).stream().map(line -> line.replaceAll("\\s+", " ")))
            .contains("uid=1000 gid=1000", "CapEff: 0000000000000000", "CapBnd: 0000000000000000", "NoNewPrivs: 1");
    }

    /**
     * Docker shows the log options on the container; podman keeps them only in its own
     * inspect document.
     */
    private static void assertLogSizeIsBounded(InspectContainerResponse container) throws Exception {
        var logConfig = container.getHostConfig().getLogConfig();
        assertThat(logConfig.getType().getType()).isIn("json-file", "k8s-file");
        if (logConfig.getConfig() != null && logConfig.getConfig().containsKey("max-size")) {
            assertThat(logConfig.getConfig()).containsEntry("max-size", "10240k");
            return;
        }
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(docker.engine.lastHealth().host())
            .build();
        try (DockerHttpClient http = new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build();
                DockerHttpClient.Response response = http.execute(DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.GET)
                    .path("/v4.0.0/libpod/containers/" + container.getId() + "/json")
                    .build());
                InputStream body = response.getBody()) {
            assertThat(response.getStatusCode()).isEqualTo(200);
            JsonNode inspect = JsonMapper.builder().build().readTree(body);
            String size = inspect.path("HostConfig").path("LogConfig").path("Size").asString();
            assertThat(size).as("podman's log size bound").matches("10(\\.\\d+)?MB");
        }
    }

}
