package com.agentnexus.execution.runner.docker;

import com.agentnexus.execution.runner.RunnerMode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The engine, its periodic ping, health indicator and gauge: present only when the runner
 * may use Docker.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DockerConfiguration.DockerMayRun.class)
class DockerConfiguration {

    static final class DockerMayRun implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return RunnerMode.of(context.getEnvironment()).usesDocker();
        }

    }

    @Bean(destroyMethod = "close")
    DockerEngine dockerEngine(DockerProperties props, MeterRegistry registry) {
        DockerEngine engine = DockerEngine.connect(props);
        engine.watch(props.pingInterval());
        Gauge.builder("agentnexus.docker.healthy", engine, watched -> watched.lastHealth().up() ? 1 : 0)
            .description("1 while the Docker engine answers its pings, else 0")
            .register(registry);
        return engine;
    }

    /** Key {@code docker} in /health and its groups. */
    @Bean("docker")
    DockerHealthIndicator dockerHealthIndicator(DockerEngine engine) {
        return new DockerHealthIndicator(engine);
    }

}
