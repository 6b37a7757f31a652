package com.agentnexus.execution.problem;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ContentTooLargeException;

/**
 * Renders every {@link ApiProblem}, subclasses too, as {@code application/problem+json},
 * never with a stack trace. What no handler here answers is still a problem:
 * service-support's last-resort handler makes it a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem problem) {
        return ResponseEntity.status(problem.getStatusCode())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem.getBody());
    }

    /**
     * A body beyond the codec's in-memory limit never reaches our own size checks; it
     * gets the same problem type they give, so a client handles one kind of "too large".
     */
    @ExceptionHandler(ContentTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(ContentTooLargeException e) {
        return problem(ApiProblem.tooLarge("The request body is larger than this service reads."));
    }

    /**
     * PostgreSQL unreachable (refused, gone mid-query, timed out): the client may retry,
     * so 503 with {@code Retry-After}, and one log line — readiness already reports the
     * outage.
     */
    @ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class, R2dbcNonTransientResourceException.class,
            R2dbcTransientException.class })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("PostgreSQL unavailable, answered 503: {}", NestedExceptionUtils.getMostSpecificCause(e).toString());
        ApiProblem unavailable = new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "Database unavailable", "PostgreSQL cannot be reached; try again shortly.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(unavailable.getBody());
    }

}
