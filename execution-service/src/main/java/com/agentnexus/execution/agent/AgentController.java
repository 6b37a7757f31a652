package com.agentnexus.execution.agent;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
class AgentController {

    private final AgentCatalog catalog;

    AgentController(AgentCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/agents")
    Flux<AgentView> agents() {
        return catalog.all().map(AgentView::of);
    }

    /** The public face of an agent; the script stays internal. Wei travel as decimal strings (exceed 2^53). */
    record AgentView(String id, String name, String priceWei, long timeoutMs) {
        static AgentView of(Agent agent) {
            return new AgentView(agent.id().value(), agent.name(), agent.priceWei().toString(),
                    agent.timeout().toMillis());
        }
    }
}
