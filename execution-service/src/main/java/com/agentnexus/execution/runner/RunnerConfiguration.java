package com.agentnexus.execution.runner;

import com.agentnexus.execution.runner.docker.DockerEngine;
import com.agentnexus.execution.runner.docker.DockerLeftovers;
import com.agentnexus.execution.runner.docker.DockerProperties;
import com.agentnexus.execution.runner.docker.DockerRunner;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The only place that knows which {@link AgentRunner} implementation runs executions. */
@Configuration(proxyBeanMethods = false)
class RunnerConfiguration {

    @Bean
    AgentRunner agentRunner(RunnerProperties props, ObjectProvider<DockerEngine> engine, DockerProperties dockerProps) {
        RunnerMode mode = props.mode();
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

    /**
     * Leftover containers of executions a previous process never finished; none for the
     * process runner.
     */
    @Bean
    Leftovers leftovers(RunnerProperties props, ObjectProvider<DockerEngine> engine) {
        return props.mode().usesDocker() ? new DockerLeftovers(engine.getObject()) : Leftovers.NONE;
    }

}
