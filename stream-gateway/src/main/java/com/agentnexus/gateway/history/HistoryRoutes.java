package com.agentnexus.gateway.history;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Maps the history endpoint; the security filter chain has authenticated it already. */
@Configuration(proxyBeanMethods = false)
class HistoryRoutes {

    @Bean
    RouterFunction<ServerResponse> historyRoute(HistoryEndpoint endpoint) {
        return RouterFunctions.route().GET(HistoryEndpoint.PATH, endpoint::events).build();
    }

}
