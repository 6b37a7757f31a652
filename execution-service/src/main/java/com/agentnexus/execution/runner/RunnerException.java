package com.agentnexus.execution.runner;

/**
 * The agent could not be started; the message is safe to show to the execution's owner.
 */
public class RunnerException extends RuntimeException {

    public RunnerException(String message) {
        super(message);
    }

    public RunnerException(String message, Throwable cause) {
        super(message, cause);
    }

}
