package com.agentnexus.aggregator.security;

import com.agentnexus.support.BearerRoles;
import com.agentnexus.support.JwtDecoderConfiguration;
import com.agentnexus.support.ProblemAccessDeniedHandler;
import com.agentnexus.support.ProblemAuthenticationEntryPoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/** Revenue is business data: every {@code /api/**} call needs a token with the admin role. */
@Configuration(proxyBeanMethods = false)
@Import(JwtDecoderConfiguration.class)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        var unauthorized = new ProblemAuthenticationEntryPoint();
        var forbidden = new ProblemAccessDeniedHandler();
        return http
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/health", "/health/**", "/metrics", "/metrics/**", "/v3/api-docs",
                                "/v3/api-docs/**").permitAll()
                        .pathMatchers("/api/**").hasAuthority(BearerRoles.ADMIN_AUTHORITY)
                        .anyExchange().authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden)
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(BearerRoles.converter())))
                .build();
    }
}
