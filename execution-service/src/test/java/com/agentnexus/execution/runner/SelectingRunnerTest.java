package com.agentnexus.execution.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.LogStream;
import com.agentnexus.events.UserId;
import com.fasterxml.uuid.Generators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SelectingRunnerTest {

    private final List<String> started = new ArrayList<>();

    private final AtomicBoolean dockerUp = new AtomicBoolean(true);

    private final SelectingRunner runner = new SelectingRunner(named("docker"), named("process"), dockerUp::get);

    @Test
    void startsEachExecutionOnDockerWhileTheEngineAnswers() {
        runner.start(spec(), listener());
        dockerUp.set(false);
        runner.start(spec(), listener());
        dockerUp.set(true);
        runner.start(spec(), listener());

        assertThat(started).containsExactly("docker", "process", "docker");
    }

    private AgentRunner named(String name) {
        return (spec, listener) -> {
            started.add(name);
            return new RunningAgent() {
                @Override
                public CompletableFuture<Integer> exit() {
                    return CompletableFuture.completedFuture(0);
                }

                @Override
                public void kill() {
                }
            };
        };
    }

    private static RunSpec spec() {
        return new RunSpec(new ExecutionId(Generators.timeBasedEpochGenerator().generate()), new AgentId("a"),
                new UserId("u"), "true", Map.of(), Sandbox.DEFAULT);
    }

    private static RunListener listener() {
        return new RunListener() {
            @Override
            public void line(LogStream stream, String line) {
            }

            @Override
            public void sample(ResourceSample sample) {
            }
        };
    }

}
