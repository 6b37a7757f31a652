package com.agentnexus.execution.runner;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The only place that knows which {@link AgentRunner} implementation runs executions. */
@Configuration(proxyBeanMethods = false)
class RunnerConfiguration {

    @Bean
    AgentRunner processRunner(RunnerProperties props) {
        return new ProcessRunner(props, new ProcessTreeProbe(Path.of("/proc")));
    }
}
