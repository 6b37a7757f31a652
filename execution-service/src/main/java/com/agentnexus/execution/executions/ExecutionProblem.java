package com.agentnexus.execution.executions;

import com.agentnexus.execution.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The problems of starting, listing and cancelling executions; rendered like every other
 * {@link ApiProblem}.
 */
final class ExecutionProblem extends ApiProblem {

    private ExecutionProblem(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
    }

    // public only because they hide ApiProblem's factories of the same name; the class
    // stays package-private
    public static ExecutionProblem badRequest(String detail) {
        return new ExecutionProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    public static ExecutionProblem forbidden(String detail) {
        return new ExecutionProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ExecutionProblem tooLarge(String detail) {
        return new ExecutionProblem(HttpStatus.CONTENT_TOO_LARGE, "input-too-large", "Input too large", detail);
    }

    static ExecutionProblem unknownAgent(String agentId) {
        return new ExecutionProblem(HttpStatus.NOT_FOUND, "unknown-agent", "Unknown agent",
                "No agent with id '" + agentId + "'.");
    }

    static ExecutionProblem executionNotFound() {
        // The same answer whether the execution does not exist or belongs to someone
        // else.
        return new ExecutionProblem(HttpStatus.NOT_FOUND, "execution-not-found", "Execution not found",
                "No such execution.");
    }

    static ExecutionProblem tooManyExecutions() {
        return new ExecutionProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-executions", "Too many executions",
                "Every execution slot and queue place is taken; try again later.");
    }

    static ExecutionProblem alreadyEnded(String status) {
        return new ExecutionProblem(HttpStatus.CONFLICT, "execution-ended", "Execution already ended",
                "The execution has already ended (" + status + "); it can no longer be cancelled.");
    }

    static ExecutionProblem endDecided() {
        return new ExecutionProblem(HttpStatus.CONFLICT, "execution-ended", "Execution already ended",
                "The execution's end has already been decided; it can no longer be cancelled.");
    }

    static ExecutionProblem notCancellableHere() {
        return new ExecutionProblem(HttpStatus.CONFLICT, "execution-not-active", "Execution not active here",
                "The execution is not running on this instance; it cannot be cancelled now.");
    }

    static ExecutionProblem publishingUnavailable() {
        return new ExecutionProblem(HttpStatus.SERVICE_UNAVAILABLE, "publishing-unavailable",
                "Event publishing unavailable", "The execution could not be announced; try again later.");
    }

}
