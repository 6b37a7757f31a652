package com.agentnexus.execution.runner;

import com.agentnexus.execution.runner.docker.DockerEngine;
import com.agentnexus.execution.runner.docker.DockerLeftovers;
import com.agentnexus.execution.runner.docker.DockerProperties;
import com.agentnexus.execution.runner.docker.DockerRunner;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The only place that knows which {@link AgentRunner} implementation runs executions. */
@Configuration(proxyBeanMethods = false)
class RunnerConfiguration {

    @Bean
    AgentRunner agentRunner(Environment environment, RunnerProperties props, ObjectProvider<DockerEngine> engine,
            DockerProperties dockerProps) {
        RunnerMode mode = RunnerMode.of(environment);
        var process = new ProcessRunner(props, new ProcessTreeProbe(Path.of("/proc")));
        if (mode == RunnerMode.PROCESS) {
            return process;
        }
        DockerEngine watched = engine.getObject();
        var docker = new DockerRunner(watched, dockerProps, props.sampleInterval(), props.drainTimeout());
        if (mode == RunnerMode.DOCKER) {
            process.close();
            return docker;
        }
        return new SelectingRunner(docker, process, () -> watched.lastHealth().up());
    }

    /** Leftover containers of executions a previous process never finished; none for the process runner. */
    @Bean
    Leftovers leftovers(Environment environment, ObjectProvider<DockerEngine> engine) {
        return RunnerMode.of(environment).usesDocker() ? new DockerLeftovers(engine.getObject()) : Leftovers.NONE;
    }
}
