package com.agentnexus.execution.executions;

import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.UserId;
import com.agentnexus.support.Viewer;
import java.net.URI;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/executions")
class ExecutionController {

    private final ExecutionRequestParser parser;

    private final StartExecution startExecution;

    private final CancelExecution cancelExecution;

    private final ExecutionStore store;

    ExecutionController(ExecutionRequestParser parser, StartExecution startExecution, CancelExecution cancelExecution,
            ExecutionStore store) {
        this.parser = parser;
        this.startExecution = startExecution;
        this.cancelExecution = cancelExecution;
        this.store = store;
    }

    /**
     * The body is read as text so that malformed JSON gets our own precise 400 rather
     * than a codec error; only a JSON media type is read at all (415 otherwise), whatever
     * the text would parse as.
     */
    @PostMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, "application/*+json" })
    @Operation(summary = "Start an execution of an agent",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = StartRequest.class))))
    @ApiResponse(responseCode = "202", description = "Accepted; events follow on Kafka and the WebSocket")
    @ApiResponse(responseCode = "400",
            description = "Not a JSON object, agentId missing, input not an object,"
                    + " agentId or input holding NUL or an unpaired UTF-16 surrogate (the detail names the field)")
    @ApiResponse(responseCode = "404", description = "Unknown agent")
    @ApiResponse(responseCode = "413", description = "Input larger than agentnexus.execution.max-input-size")
    @ApiResponse(responseCode = "415", description = "Body not application/json (or another +json type)")
    @ApiResponse(responseCode = "429", description = "Running and queued slots are all taken; nothing was created")
    @ApiResponse(responseCode = "503", description = "Kafka or PostgreSQL is unreachable; nothing was created."
            + " Retry-After says when to try again (PostgreSQL)")
    Mono<ResponseEntity<Started>> start(@RequestBody(required = false) @Nullable String body,
            Authentication authentication) {
        return Mono.fromCallable(() -> parser.parse(body))
            .flatMap(request -> startExecution.start(Viewer.of(authentication), request))
            .map(id -> ResponseEntity.accepted()
                .location(URI.create("/api/executions/" + id))
                .body(new Started(id.toString(), ExecutionStatus.PENDING.name())));
    }

    /**
     * The caller's own executions, newest first; an admin sees everyone's only when
     * asking {@code all=true}.
     */
    @GetMapping
    @Operation(summary = "List the caller's executions, newest first (admins: all=true for everyone's)")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400",
            description = "Unknown status, page < 0, size outside 1..100, agentId"
                    + " holding NUL or an unpaired UTF-16 surrogate")
    @ApiResponse(responseCode = "403", description = "all=true without the admin role")
    Mono<ExecutionPage> list(@RequestParam(required = false) @Nullable String agentId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(required = false) @Nullable String size, @RequestParam(required = false) @Nullable String all,
            Authentication authentication) {
        return Mono
            .fromCallable(() -> ExecutionQueryParser.parse(Viewer.of(authentication), agentId, status, page, size, all))
            .flatMap(query -> store.list(query)
                .map(ExecutionView::of)
                .collectList()
                .zipWith(store.count(query), (items, total) -> ExecutionPage.of(items, query, total)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One execution (owner or admin)")
    @ApiResponse(responseCode = "200", description = "The execution")
    @ApiResponse(responseCode = "404", description = "No such execution visible to the caller")
    Mono<ExecutionView> find(@PathVariable String id, Authentication authentication) {
        return visible(id, Viewer.of(authentication)).map(ExecutionView::of);
    }

    /**
     * Owner or admin; answers with the execution as it ended (CANCELLED), or 409 when it
     * had already ended.
     */
    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a pending or running execution (owner or admin)")
    @ApiResponse(responseCode = "200", description = "The execution, now CANCELLED")
    @ApiResponse(responseCode = "404", description = "No such execution visible to the caller")
    @ApiResponse(responseCode = "409", description = "The execution had already ended")
    Mono<ExecutionView> cancel(@PathVariable String id, Authentication authentication) {
        return visible(id, Viewer.of(authentication))
            .flatMap(execution -> cancelExecution.cancel(execution).then(store.find(execution.id())))
            .map(ExecutionView::of);
    }

    private Mono<ExecutionRecord> visible(String id, Viewer caller) {
        return parseId(id).flatMap(store::find)
            .filter(execution -> caller.maySee(new UserId(execution.userId())))
            .switchIfEmpty(Mono.error(ExecutionProblem::executionNotFound));
    }

    private static Mono<UUID> parseId(String id) {
        try {
            return Mono.just(UUID.fromString(id));
        }
        catch (IllegalArgumentException e) {
            return Mono.empty();
        }
    }

    record Started(String executionId, String status) {
    }

    /**
     * The body of a start, for the OpenAPI document; {@link ExecutionRequestParser} reads
     * the raw text.
     */
    @Schema(name = "StartExecutionRequest")
    record StartRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "demo-worker") String agentId,
            @Schema(description = "JSON object handed to the agent as INPUT_DATA (default {})",
                    example = "{\"prompt\":\"hello\"}") @Nullable Map<String, Object> input) {
    }

    /** One page of executions. */
    record ExecutionPage(List<ExecutionView> items, int page, int size, long totalItems, long totalPages) {
        static ExecutionPage of(List<ExecutionView> items, ExecutionQuery query, long total) {
            return new ExecutionPage(items, query.page(), query.size(), total,
                    (total + query.size() - 1) / query.size());
        }
    }

}
