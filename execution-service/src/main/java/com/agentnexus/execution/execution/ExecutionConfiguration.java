package com.agentnexus.execution.execution;

import com.agentnexus.execution.agent.AgentCatalog;
import com.agentnexus.execution.publishing.EventPublisher;
import com.agentnexus.execution.runner.AgentRunner;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LogLineSanitizer logLineSanitizer() {
        return LogLineSanitizer.NONE;
    }

    /** At most maxConcurrent executions run; the rest wait (still PENDING) in a bounded queue. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService executionSlots(ExecutionProperties props) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(props.maxConcurrent(), props.maxConcurrent(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(props.queueCapacity()), runnable -> {
                    Thread thread = new Thread(runnable, "execution-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Bean
    StartExecution startExecution(AgentCatalog catalog, ExecutionStore store, EventPublisher publisher,
            AgentRunner runner, LogLineSanitizer sanitizer, ExecutorService executionSlots, ExecutionProperties props,
            Clock clock) {
        var lifecycle = new ExecutionLifecycle(runner, store, sanitizer,
                new LineCap((int) props.maxLineSize().toBytes()), clock);
        return new StartExecution(catalog, store, publisher, lifecycle, executionSlots, clock);
    }

    @Bean
    ExecutionRequestParser executionRequestParser(ExecutionProperties props) {
        return new ExecutionRequestParser(props.maxInputSize().toBytes());
    }
}
