package com.agentnexus.execution.runner;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.LogStream;
import com.agentnexus.events.UserId;
import com.fasterxml.uuid.Generators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A stand-in for the execution service in its own JVM: starts one agent with the process
 * runner, prints {@code started}, and waits to be killed. {@link AgentParentDeathIT}
 * SIGKILLs it.
 */
final class AgentHost {

    private AgentHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        var runner = new ProcessRunner(
                new RunnerProperties(RunnerMode.PROCESS, Duration.ofSeconds(1), Duration.ofSeconds(5)),
                new ProcessTreeProbe(Path.of("/proc")));
        var spec = new RunSpec(new ExecutionId(Generators.timeBasedEpochGenerator().generate()), new AgentId("silent"),
                new UserId("host"), args[0], Map.of(), Sandbox.DEFAULT);
        runner.start(spec, new RunListener() {
            @Override
            public void line(LogStream stream, String line) {
            }

            @Override
            public void sample(ResourceSample sample) {
            }
        });
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

}
