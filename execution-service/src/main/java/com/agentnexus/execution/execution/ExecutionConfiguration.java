package com.agentnexus.execution.execution;

import com.agentnexus.execution.agent.AgentCatalog;
import com.agentnexus.execution.publishing.EventPublisher;
import com.agentnexus.execution.runner.AgentRunner;
import com.agentnexus.execution.runner.Leftovers;
import com.agentnexus.support.TopicsProperties;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

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

    @Bean
    ExecutionLifecycle executionLifecycle(AgentRunner runner, ExecutionStore store, LogLineSanitizer sanitizer,
            ExecutionProperties props, Clock clock) {
        return new ExecutionLifecycle(runner, store, sanitizer, new LineCap((int) props.maxLineSize().toBytes()),
                clock);
    }

    @Bean
    StartExecution startExecution(AgentCatalog catalog, ExecutionStore store, EventPublisher publisher,
            ExecutionLifecycle lifecycle, ExecutionSlots slots, Clock clock) {
        return new StartExecution(catalog, store, publisher, lifecycle, slots, clock);
    }

    @Bean
    CancelExecution cancelExecution(ExecutionSlots slots, ExecutionLifecycle lifecycle) {
        return new CancelExecution(slots, lifecycle);
    }

    @Bean
    ExecutionRequestParser executionRequestParser(ExecutionProperties props) {
        return new ExecutionRequestParser(props.maxInputSize().toBytes());
    }

    @Bean
    RecoverOrphans recoverOrphans(ExecutionStore store, ConsumerFactory<?, ?> consumers, TopicsProperties topics,
            EventPublisher publisher, ExecutionSlots slots, Leftovers leftovers, Clock clock) {
        return new RecoverOrphans(store, new KafkaHistoryReader(consumers, topics.toTopics()), publisher, slots,
                leftovers, clock);
    }

    /** Before traffic counts as ready, end what a previous process left unfinished (see RecoverOrphans). */
    @Bean
    @ConditionalOnProperty(name = "agentnexus.execution.recover-orphans", havingValue = "true", matchIfMissing = true)
    ApplicationRunner orphanRecoveryAtStartup(RecoverOrphans recovery, Clock clock) {
        Instant processStart = clock.instant();
        return args -> recovery.recover(processStart);
    }
}
