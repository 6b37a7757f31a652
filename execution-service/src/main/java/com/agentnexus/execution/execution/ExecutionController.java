package com.agentnexus.execution.execution;

import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.UserId;
import com.agentnexus.execution.security.Caller;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/executions")
class ExecutionController {

    private final ExecutionRequestParser parser;
    private final StartExecution startExecution;
    private final ExecutionStore store;

    ExecutionController(ExecutionRequestParser parser, StartExecution startExecution, ExecutionStore store) {
        this.parser = parser;
        this.startExecution = startExecution;
        this.store = store;
    }

    /** The body is read as text so that malformed JSON gets our own precise 400 rather than a codec error. */
    @PostMapping
    Mono<ResponseEntity<Started>> start(@RequestBody(required = false) @Nullable String body,
            Authentication authentication) {
        return Mono.fromCallable(() -> parser.parse(body))
                .flatMap(request -> startExecution.start(Caller.of(authentication), request))
                .map(id -> ResponseEntity.accepted()
                        .location(URI.create("/api/executions/" + id))
                        .body(new Started(id.toString(), ExecutionStatus.PENDING.name())));
    }

    @GetMapping("/{id}")
    Mono<ExecutionView> find(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return parseId(id)
                .flatMap(store::find)
                .filter(execution -> caller.maySee(new UserId(execution.userId())))
                .map(ExecutionView::of)
                .switchIfEmpty(Mono.error(ExecutionProblem::executionNotFound));
    }

    private static Mono<UUID> parseId(String id) {
        try {
            return Mono.just(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Mono.empty();
        }
    }

    record Started(String executionId, String status) {
    }
}
