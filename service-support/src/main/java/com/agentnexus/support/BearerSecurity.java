package com.agentnexus.support;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * The filter chain of a service's REST API: stateless JWT bearer authentication with
 * roles from the token, health, metrics and the OpenAPI document public (they expose no
 * execution data), every refusal an RFC 9457 problem. The service adds its own rules for
 * its paths; anything else needs a valid token.
 */
public final class BearerSecurity {

    private BearerSecurity() {
    }

    public static SecurityWebFilterChain chain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            Customizer<ServerHttpSecurity.AuthorizeExchangeSpec> serviceRules) {
        var unauthorized = new ProblemAuthenticationEntryPoint();
        var forbidden = new ProblemAccessDeniedHandler();
        return http
            // stateless bearer auth: no WebSession per request (creating one hops threads
            // and allocates)
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .authorizeExchange(exchanges -> {
                exchanges
                    .pathMatchers("/health", "/health/**", "/metrics", "/metrics/**", "/v3/api-docs", "/v3/api-docs/**")
                    .permitAll();
                serviceRules.customize(exchanges);
                exchanges.anyExchange().authenticated();
            })
            .exceptionHandling(
                    handling -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
            .oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthorized)
                .accessDeniedHandler(forbidden)
                .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(BearerRoles.converter())))
            .build();
    }

}
