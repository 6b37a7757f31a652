package com.agentnexus.gateway.history;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * The history endpoint's refusals, as RFC 9457 problem details with the types the REST
 * services use (docs/errors.md). Details are constant texts: nothing of the request but
 * its path (the {@code instance}) is echoed.
 */
final class HistoryProblems {

    private static final String TYPE_BASE = "https://agentnexus.dev/problems/";

    /** Seconds after which a 503 may be retried, as the REST services' 503s say. */
    private static final String RETRY_AFTER = "5";

    private HistoryProblems() {
    }

    static Mono<ServerResponse> invalid(ServerRequest request, String detail) {
        return answer(request, HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    /**
     * The same answer, word for word, for an execution that does not exist and for
     * another user's, as {@code GET /api/executions/{id}} gives.
     */
    static Mono<ServerResponse> notFound(ServerRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "execution-not-found", "Execution not found",
                "No such execution.");
    }

    static Mono<ServerResponse> unavailable(ServerRequest request, String detail) {
        return answer(request, HttpStatus.SERVICE_UNAVAILABLE, "history-unavailable", "History unavailable", detail);
    }

    private static Mono<ServerResponse> answer(ServerRequest request, HttpStatus status, String type, String title,
            String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        problem.setInstance(instance(request.path()));
        ServerResponse.BodyBuilder response = ServerResponse.status(status)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
        }
        return response.bodyValue(problem);
    }

    /**
     * The request path as the problem's instance; a path that is no valid URI as it came
     * (a raw {@code |} in a bad id, say) is percent-encoded first.
     */
    static URI instance(String path) {
        try {
            return URI.create(path);
        }
        catch (IllegalArgumentException e) {
            return URI.create(UriUtils.encodePath(path, StandardCharsets.UTF_8));
        }
    }

}
