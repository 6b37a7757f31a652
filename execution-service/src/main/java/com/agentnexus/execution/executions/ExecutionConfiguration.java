package com.agentnexus.execution.executions;

import com.agentnexus.execution.agent.AgentCatalog;
import com.agentnexus.execution.output.LineCap;
import com.agentnexus.execution.output.LogLineSanitizer;
import com.agentnexus.execution.publishing.EventPublisher;
import com.agentnexus.execution.recovery.UnfinishedExecutions;
import com.agentnexus.execution.runner.AgentRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LogLineSanitizer logLineSanitizer() {
        return LogLineSanitizer.redactingSecrets();
    }

    @Bean(destroyMethod = "close")
    ExecutionSlots executionSlots(ExecutionProperties props) {
        return new ExecutionSlots(props.maxRunning(), props.maxQueued());
    }

    @Bean
    ExecutionShutdown executionShutdown(ExecutionSlots slots) {
        return new ExecutionShutdown(slots);
    }

    @Bean(destroyMethod = "close")
    UnrecordedEnds unrecordedEnds(ExecutionProperties props, MeterRegistry registry) {
        var ends = new UnrecordedEnds(props.endRetryMaxBackoff());
        Gauge.builder("agentnexus.executions.unrecorded.ends", ends, UnrecordedEnds::count)
            .description("Execution ends published to Kafka but not yet written to their rows (database down)")
            .register(registry);
        return ends;
    }

    @Bean
    ExecutionLifecycle executionLifecycle(AgentRunner runner, ExecutionStore store, LogLineSanitizer sanitizer,
            ExecutionProperties props, UnrecordedEnds unrecorded, Clock clock) {
        return new ExecutionLifecycle(runner, store, sanitizer, new LineCap((int) props.maxLineSize().toBytes()),
                unrecorded, clock);
    }

    @Bean
    StartExecution startExecution(AgentCatalog catalog, ExecutionStore store, EventPublisher publisher,
            ExecutionLifecycle lifecycle, ExecutionSlots slots, UnrecordedEnds unrecorded, Clock clock) {
        return new StartExecution(catalog, store, publisher, lifecycle, slots, unrecorded, clock);
    }

    @Bean
    CancelExecution cancelExecution(ExecutionSlots slots, ExecutionLifecycle lifecycle) {
        return new CancelExecution(slots, lifecycle);
    }

    @Bean
    ExecutionRequestParser executionRequestParser(ExecutionProperties props) {
        return new ExecutionRequestParser(props.maxInputSize().toBytes());
    }

    /** What restart recovery (package recovery) may see and do of the executions. */
    @Bean
    UnfinishedExecutions unfinishedExecutions(ExecutionStore store, ExecutionSlots slots, UnrecordedEnds unrecorded) {
        return new UnfinishedExecutionRows(store, slots, unrecorded);
    }

}
