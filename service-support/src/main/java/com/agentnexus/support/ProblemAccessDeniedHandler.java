package com.agentnexus.support;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers an authenticated caller who lacks the role a path needs with 403 and an RFC
 * 9457 body.
 */
public final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return ProblemAuthenticationEntryPoint.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "This needs the admin role.");
    }

}
