package com.agentnexus.execution.runner.docker;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.UserId;
import com.agentnexus.execution.runner.RunSpec;
import com.agentnexus.execution.runner.RunningAgent;
import com.agentnexus.execution.runner.Sandbox;
import com.fasterxml.uuid.Generators;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starting scripts in real containers for the Docker integration tests. */
final class DockerRuns implements AutoCloseable {

    final DockerEngine engine;

    final DockerRunner runner;

    DockerRuns() {
        engine = TestEngine.connectOrSkip();
        runner = new DockerRunner(engine, TestEngine.properties(), Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    static RunSpec spec(String script) {
        return spec(script, Sandbox.DEFAULT);
    }

    static RunSpec spec(String script, Sandbox sandbox) {
        var id = new ExecutionId(Generators.timeBasedEpochGenerator().generate());
        return new RunSpec(id, new AgentId("test-agent"), new UserId("alice"), script,
                Map.of("INPUT_DATA", "{\"prompt\":\"hi\"}", "EXECUTION_ID", id.toString(), "AGENT_ID", "test-agent"),
                sandbox);
    }

    static int exitCode(RunningAgent agent) throws Exception {
        return agent.exit().get(60, TimeUnit.SECONDS);
    }

    /**
     * Containers of one execution, found by label as an operator would, running or not.
     */
    List<Container> containersOf(RunSpec spec) {
        return engine.calls()
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of(ContainerSpec.LABEL_EXECUTION, spec.executionId().toString()))
            .exec();
    }

    /**
     * Removes a test's own image (by reference, so an image it shares layers with stays).
     */
    void removeImage(String reference) {
        try {
            engine.calls().removeImageCmd(reference).withForce(true).exec();
        }
        catch (NotFoundException e) {
            // never pulled: nothing to remove
        }
    }

    @Override
    public void close() {
        runner.close();
        engine.close();
    }

}
