package com.agentnexus.execution.executions;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Ends the running executions when the service stops: their agents are killed (containers
 * removed) and their terminal status published while the Docker client, the Kafka
 * producer and the database pool still work — that is, in the lifecycle stop phase, after
 * the web server has stopped taking requests and before any bean is destroyed.
 */
final class ExecutionShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExecutionShutdown.class);

    /**
     * After the web server's graceful shutdown and stop (DEFAULT_PHASE - 1024 and -
     * 2048): nothing new starts.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    /**
     * Bounds the whole stop: the lifecycles' own waits (kill, acknowledgement, row) fit
     * within it.
     */
    static final Duration GRACE = Duration.ofSeconds(10);

    private final ExecutionSlots slots;

    private volatile boolean running;

    ExecutionShutdown(ExecutionSlots slots) {
        this.slots = slots;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (!slots.shutDown(GRACE)) {
            log.warn("some executions did not end within {}; restart recovery ends them", GRACE);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

}
