package com.agentnexus.execution.security;

import com.agentnexus.support.BearerSecurity;
import com.agentnexus.support.JwtDecoderConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * JWT bearer on everything but health, metrics and the OpenAPI document, which expose no
 * execution data.
 */
@Configuration(proxyBeanMethods = false)
@Import(JwtDecoderConfiguration.class)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        // who may see which execution is decided per request (Viewer), not by path
        return BearerSecurity.chain(http, decoder, exchanges -> {
        });
    }

}
