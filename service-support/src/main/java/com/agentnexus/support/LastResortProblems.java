package com.agentnexus.support;

import java.net.URI;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

/**
 * Whatever error no controller advice answered — a bug, a failure in a filter, a
 * dependency's exception nobody expected — becomes RFC 9457 problem details here, ahead
 * of Spring Boot's own error handler (whose body is plain JSON). A status error keeps its
 * status and detail; anything else is 500 with a generic detail, so no exception message
 * or stack trace reaches a client. Server errors are logged once, here, with the path
 * (never the query, which may carry a token).
 */
final class LastResortProblems implements WebExceptionHandler, Ordered {

    private static final Log log = LogFactory.getLog(LastResortProblems.class);

    private static final URI INTERNAL_ERROR = URI.create("https://agentnexus.dev/problems/internal-error");
    static final String GENERIC_DETAIL = "The service failed to answer this request; the failure has been logged.";

    private final ServerResponse.Context context;

    LastResortProblems(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public int getOrder() {
        // before Spring Boot's DefaultErrorWebExceptionHandler (-1)
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(error)) {
            return Mono.error(error);
        }
        ProblemDetail problem = problemOf(error);
        if (problem.getStatus() >= 500) {
            log.error(exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value() + " failed",
                    error);
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        HttpHeaders extra = error instanceof ErrorResponse response ? response.getHeaders() : HttpHeaders.EMPTY;
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ServerResponse.status(problem.getStatus())
            .headers(headers -> headers.addAll(extra))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .bodyValue(problem)
            .flatMap(response -> response.writeTo(exchange, context));
    }

    static ProblemDetail problemOf(Throwable error) {
        if (error instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            ProblemDetail body = response.getBody();
            // a 5xx someone wrote on purpose has a type of its own; any other may carry
            // internals in its detail
            if (!status.is5xxServerError() || !URI.create("about:blank").equals(body.getType())) {
                return body;
            }
            return internal(status);
        }
        return internal(HttpStatusCode.valueOf(500));
    }

    private static ProblemDetail internal(HttpStatusCode status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, GENERIC_DETAIL);
        problem.setType(INTERNAL_ERROR);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(status.value() == 500 || known == null ? "Internal error" : known.getReasonPhrase());
        return problem;
    }

}
