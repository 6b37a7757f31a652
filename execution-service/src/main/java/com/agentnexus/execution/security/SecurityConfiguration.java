package com.agentnexus.execution.security;

import com.agentnexus.support.BearerRoles;
import com.agentnexus.support.JwtDecoderConfiguration;
import com.agentnexus.support.ProblemAuthenticationEntryPoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** JWT bearer on everything but health, metrics and the OpenAPI document, which expose no execution data. */
@Configuration(proxyBeanMethods = false)
@Import(JwtDecoderConfiguration.class)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        var unauthorized = new ProblemAuthenticationEntryPoint();
        return http
                // stateless bearer auth: no WebSession per request (creating one hops threads and allocates)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/health", "/health/**", "/metrics", "/metrics/**", "/v3/api-docs",
                                "/v3/api-docs/**").permitAll()
                        .anyExchange().authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized))
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(unauthorized)
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(BearerRoles.converter())))
                .build();
    }
}
