package com.agentnexus.execution.agent;

import com.agentnexus.execution.problem.ApiProblem;
import com.agentnexus.execution.security.Caller;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
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
    Flux<AgentView> agents() {
        return catalog.all().map(AgentView::of);
    }

    /** Admins only. The body is read as text so that every malformed body gets our own precise 400. */
    @PostMapping
    Mono<ResponseEntity<AgentView>> add(@RequestBody(required = false) @Nullable String body,
            Authentication authentication) {
        if (!Caller.of(authentication).admin()) {
            return Mono.error(ApiProblem.forbidden("Only admins may add agents."));
        }
        return Mono.fromCallable(() -> parser.parse(body))
                .flatMap(catalog::add)
                .onErrorMap(DuplicateKeyException.class, e -> ApiProblem.conflict("agent-exists", "Agent exists",
                        "An agent with this id already exists."))
                .map(agent -> ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/agents/" + agent.id().value()))
                        .body(AgentView.of(agent)));
    }

    /** The public face of an agent; the script stays internal. Wei travel as decimal strings (exceed 2^53). */
    record AgentView(String id, String name, String priceWei, long timeoutMs, String image, long memoryBytes,
            double cpus, long pidsLimit) {
        static AgentView of(Agent agent) {
            AgentContainer container = agent.container();
            return new AgentView(agent.id().value(), agent.name(), agent.priceWei().toString(),
                    agent.timeout().toMillis(), container.image(), container.memoryBytes(), container.cpus(),
                    container.pidsLimit());
        }
    }
}
