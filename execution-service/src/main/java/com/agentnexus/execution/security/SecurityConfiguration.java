package com.agentnexus.execution.security;

import com.agentnexus.support.BearerSecurity;
import com.agentnexus.support.JwtDecoderConfiguration;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * JWT bearer on everything but health, metrics and the OpenAPI document, which expose no
 * execution data; CORS for the browser pages of {@link CorsProperties#allowedOrigins()}
 * on {@code /api/**}.
 */
@Configuration(proxyBeanMethods = false)
@Import(JwtDecoderConfiguration.class)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            CorsConfigurationSource corsConfigurationSource) {
        // Spring Security's CORS filter runs before authentication: a preflight (which
        // never carries the token) is answered there, and a request from an origin not
        // allowed is refused with 403 before anything else looks at it
        http.cors(cors -> cors.configurationSource(corsConfigurationSource));
        // who may see which execution is decided per request (Viewer), not by path
        return BearerSecurity.chain(http, decoder, exchanges -> {
        });
    }

    /**
     * CORS on {@code /api/**} only: health and metrics are read by probes and scrapers,
     * not by pages. Without credentials: the token travels in the {@code Authorization}
     * header, never in a cookie, so a page of an allowed origin gets its own origin back
     * in {@code Access-Control-Allow-Origin}, never {@code *}.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        var api = new CorsConfiguration();
        api.setAllowedOrigins(properties.allowedOrigins());
        api.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name()));
        api.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
        // where a created execution or agent is, and when to retry after a 503
        api.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
        api.setAllowCredentials(false);
        api.setMaxAge(Duration.ofMinutes(30));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }

}
