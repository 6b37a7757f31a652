package com.agentnexus.execution.execution;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders {@link ExecutionProblem}s as {@code application/problem+json}, never with a stack trace. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExecutionProblemHandler {

    @ExceptionHandler(ExecutionProblem.class)
    ResponseEntity<ProblemDetail> problem(ExecutionProblem problem) {
        return ResponseEntity.status(problem.getStatusCode())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.getBody());
    }
}
