package com.agentnexus.execution.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.UserId;
import com.agentnexus.execution.runner.RunSpec;
import com.agentnexus.execution.runner.Sandbox;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ContainerSpecTest {

    @Test
    void hardensEveryContainerWithTheSandboxLimits() {
        HostConfig host = ContainerSpec.hostConfig(Sandbox.DEFAULT, DataSize.ofMegabytes(10).toBytes(), null);

        assertThat(host.getMemory()).isEqualTo(512L * 1024 * 1024);
        assertThat(host.getMemorySwap()).isEqualTo(host.getMemory());
        assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(host.getPidsLimit()).isEqualTo(100L);
        assertThat(host.getNetworkMode()).isEqualTo("none");
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getTmpFs()).containsExactly(Map.entry("/tmp", "rw,noexec,nosuid,size=100m"));
        assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getLogConfig().getType()).isEqualTo(LogConfig.LoggingType.JSON_FILE);
        assertThat(host.getLogConfig().getConfig()).containsExactly(Map.entry("max-size", "10240k"));
    }

    @Test
    void passesTheSeccompProfileAsJsonContent() {
        String profile = "{\"defaultAction\":\"SCMP_ACT_ALLOW\"}";

        HostConfig host = ContainerSpec.hostConfig(Sandbox.DEFAULT, 1024 * 1024, profile);

        assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges", "seccomp=" + profile);
    }

    @Test
    void appliesPerAgentLimits() {
        var sandbox = new Sandbox("busybox:1", DataSize.ofMegabytes(64), 1.25, 20);

        HostConfig host = ContainerSpec.hostConfig(sandbox, 1024 * 1024, null);

        assertThat(host.getMemory()).isEqualTo(64L * 1024 * 1024);
        assertThat(host.getMemorySwap()).isEqualTo(64L * 1024 * 1024);
        assertThat(host.getNanoCPUs()).isEqualTo(1_250_000_000L);
        assertThat(host.getPidsLimit()).isEqualTo(20L);
    }

    @Test
    void labelsAndEnvironmentNameTheExecution() {
        var id = new ExecutionId(UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057"));
        var spec = new RunSpec(id, new AgentId("demo-worker"), new UserId("alice"), "echo hi",
                Map.of("INPUT_DATA", "{}", "EXECUTION_ID", id.toString(), "AGENT_ID", "demo-worker"), Sandbox.DEFAULT);
        Instant created = Instant.parse("2026-01-02T03:04:05Z");

        assertThat(ContainerSpec.labels(spec, created)).containsOnly(
                Map.entry("com.agentnexus.execution", id.toString()), Map.entry("com.agentnexus.agent", "demo-worker"),
                Map.entry("com.agentnexus.user", "alice"), Map.entry("com.agentnexus.created", "2026-01-02T03:04:05Z"));
        assertThat(ContainerSpec.environment(spec)).containsExactly("AGENT_ID=demo-worker", "EXECUTION_ID=" + id,
                "INPUT_DATA={}");
        assertThat(ContainerSpec.command(spec)).containsExactly("sh", "-c", "echo hi");
    }

}
