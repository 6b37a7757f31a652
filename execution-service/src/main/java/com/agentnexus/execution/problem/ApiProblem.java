package com.agentnexus.execution.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error a client caused or must know about, answered as RFC 9457 problem details with
 * a stable type. A feature package may subclass it to name its own problems;
 * {@code ApiProblemHandler} renders them all.
 */
public class ApiProblem extends ErrorResponseException {

    private static final String TYPE_BASE = "https://agentnexus.dev/problems/";

    protected ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(status, detail(status, type, title, detail), null);
    }

    private static ProblemDetail detail(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    public static ApiProblem tooLarge(String detail) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "input-too-large", "Input too large", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ApiProblem conflict(String type, String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, type, title, detail);
    }

}
