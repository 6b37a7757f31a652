package com.agentnexus.aggregator.security;

import com.agentnexus.support.BearerRoles;
import com.agentnexus.support.BearerSecurity;
import com.agentnexus.support.JwtDecoderConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Revenue is business data: every {@code /api/**} call needs a token with the admin role.
 */
@Configuration(proxyBeanMethods = false)
@Import(JwtDecoderConfiguration.class)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return BearerSecurity.chain(http, decoder,
                exchanges -> exchanges.pathMatchers("/api/**").hasAuthority(BearerRoles.ADMIN_AUTHORITY));
    }

}
