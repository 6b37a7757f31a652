package com.agentnexus.execution.agent;

import com.agentnexus.execution.problem.ApiProblem;
import com.agentnexus.support.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/agents")
class AgentController {

    private final AgentCatalog catalog;

    private final AgentRequestParser parser = new AgentRequestParser();

    AgentController(AgentCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "The agent catalog")
    @ApiResponse(responseCode = "200", description = "Every agent")
    Flux<AgentView> agents() {
        return catalog.all().map(AgentView::of);
    }

    /**
     * Admins only. The body is read as text so that every malformed body gets our own
     * precise 400; only a JSON media type is read at all (415 otherwise).
     */
    @PostMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, "application/*+json" })
    @Operation(summary = "Add an agent (admin)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = NewAgent.class))))
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400",
            description = "A field is missing or out of range, or holds NUL or an unpaired"
                    + " UTF-16 surrogate (the detail names it)")
    @ApiResponse(responseCode = "403", description = "The caller is not an admin")
    @ApiResponse(responseCode = "409", description = "An agent with this id exists")
    @ApiResponse(responseCode = "413", description = "Body or script too large")
    @ApiResponse(responseCode = "415", description = "Body not application/json (or another +json type)")
    Mono<ResponseEntity<AgentView>> add(@RequestBody(required = false) @Nullable String body,
            Authentication authentication) {
        if (!Viewer.of(authentication).admin()) {
            return Mono.error(ApiProblem.forbidden("Only admins may add agents."));
        }
        return Mono.fromCallable(() -> parser.parse(body))
            .flatMap(catalog::add)
            .onErrorMap(DuplicateKeyException.class,
                    e -> ApiProblem.conflict("agent-exists", "Agent exists", "An agent with this id already exists."))
            .map(agent -> ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/agents/" + agent.id().value()))
                .body(AgentView.of(agent)));
    }

    /**
     * The public face of an agent; the script stays internal. Wei travel as decimal
     * strings (exceed 2^53).
     */
    record AgentView(String id, String name, String priceWei, long timeoutMs, String image, long memoryBytes,
            double cpus, long pidsLimit) {
        static AgentView of(Agent agent) {
            AgentContainer container = agent.container();
            return new AgentView(agent.id().value(), agent.name(), agent.priceWei().toString(),
                    agent.timeout().toMillis(), container.image(), container.memoryBytes(), container.cpus(),
                    container.pidsLimit());
        }
    }

    /**
     * The body of an add, for the OpenAPI document; {@link AgentRequestParser} reads the
     * raw text.
     */
    @Schema(name = "NewAgent")
    record NewAgent(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "[a-z0-9][a-z0-9-]{1,62}") String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "0|[1-9][0-9]{0,77}",
                    description = "Wei as a decimal string") String priceWei,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "POSIX shell script; INPUT_DATA, EXECUTION_ID, AGENT_ID in its environment") String script,
            @Schema(description = "default 300000") @Nullable Long timeoutMs,
            @Schema(description = "container image (default the demo image)") @Nullable String image,
            @Schema(description = "default 536870912") @Nullable Long memoryBytes,
            @Schema(description = "default 0.5, at most 64") @Nullable Double cpus,
            @Schema(description = "default 100") @Nullable Long pidsLimit) {
    }

}
