package com.agentnexus.execution.problem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ContentTooLargeException;

/** Renders every {@link ApiProblem}, subclasses too, as {@code application/problem+json}, never with a stack trace. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem problem) {
        return ResponseEntity.status(problem.getStatusCode())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.getBody());
    }

    /**
     * A body beyond the codec's in-memory limit never reaches our own size checks; it gets the same problem type
     * they give, so a client handles one kind of "too large".
     */
    @ExceptionHandler(ContentTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(ContentTooLargeException e) {
        return problem(ApiProblem.tooLarge("The request body is larger than this service reads."));
    }
}
