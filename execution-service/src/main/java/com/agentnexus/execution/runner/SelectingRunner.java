package com.agentnexus.execution.runner;

import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code auto} runner: each execution starts in Docker while the engine answered its
 * latest ping, else as a local process. A running execution stays with the runner it
 * started on.
 */
final class SelectingRunner implements AgentRunner, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SelectingRunner.class);

    private final AgentRunner docker;

    private final AgentRunner process;

    private final BooleanSupplier dockerUp;

    SelectingRunner(AgentRunner docker, AgentRunner process, BooleanSupplier dockerUp) {
        this.docker = docker;
        this.process = process;
        this.dockerUp = dockerUp;
    }

    @Override
    public RunningAgent start(RunSpec spec, RunListener listener) {
        boolean useDocker = dockerUp.getAsBoolean();
        log.debug("execution {} runs {}", spec.executionId(), useDocker ? "in Docker" : "as a local process");
        return (useDocker ? docker : process).start(spec, listener);
    }

    @Override
    public void close() throws Exception {
        if (docker instanceof AutoCloseable) {
            ((AutoCloseable) docker).close();
        }
        if (process instanceof AutoCloseable) {
            ((AutoCloseable) process).close();
        }
    }

}
