package com.agentnexus.gateway.history;

import com.agentnexus.gateway.protocol.ServerMessages;
import com.agentnexus.gateway.subscription.SubscriptionStarter;
import com.agentnexus.support.Viewer;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/executions/{id}/events[?fromSeq=n]}: one execution's events as NDJSON,
 * each line the message a WebSocket subscriber gets, in seq order, each once, ending
 * after the terminal status. The same subscription as a WebSocket subscribe — live first,
 * then replay, the viewer from the bearer token — so the same guarantees and the same
 * answer for another user's execution as for none: 404, after the same work.
 */
@Component
class HistoryEndpoint {

    static final String PATH = "/api/executions/{id}/events";

    private final SubscriptionStarter starter;

    private final ServerMessages messages;

    private final HistoryProperties properties;

    private final OpenHistories open;

    HistoryEndpoint(SubscriptionStarter starter, ServerMessages messages, HistoryProperties properties,
            OpenHistories open) {
        this.starter = starter;
        this.messages = messages;
        this.properties = properties;
        this.open = open;
    }

    Mono<ServerResponse> events(ServerRequest request) {
        HistoryRequest asked;
        try {
            // "?fromSeq" without a value has a null value: as invalid as an empty one
            List<String> fromSeq = request.queryParams()
                .getOrDefault("fromSeq", List.of())
                .stream()
                .map(value -> Objects.requireNonNullElse(value, ""))
                .toList();
            asked = HistoryRequest.of(request.pathVariable("id"), fromSeq);
        }
        catch (HistoryRequest.Invalid invalid) {
            return HistoryProblems.invalid(request, invalid.getMessage());
        }
        return request.principal()
            .map(Viewer::of)
            .flatMap(viewer -> stream(request, asked, viewer))
            // unreachable behind the security filter chain; refuse rather than serve
            // anonymously
            .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED)));
    }

    private Mono<ServerResponse> stream(ServerRequest request, HistoryRequest asked, Viewer viewer) {
        var stream = new HistoryStream(asked, viewer, messages, properties, open);
        if (!open.open(stream)) {
            return HistoryProblems.unavailable(request, "The gateway is shutting down; ask again.");
        }
        // registers for live events now; the replay runs on the replay scheduler, paced
        // by the stream's awaitRoom
        starter.start(stream.subscription()).doFinally(signal -> stream.replayDone()).subscribe();
        return stream.opening().flatMap(opening -> switch (opening) {
            case FOUND -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_NDJSON)
                .body(BodyInserters.fromDataBuffers(stream.body()));
            case NOT_FOUND -> HistoryProblems.notFound(request);
            case FAILED ->
                HistoryProblems.unavailable(request, "The execution's history cannot be read now; try again.");
        })
            // the client went away before the status was chosen
            .doOnCancel(stream::cancel);
    }

}
