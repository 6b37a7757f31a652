package com.agentnexus.gateway.security;

import com.agentnexus.gateway.console.ConsolePaths;
import com.agentnexus.support.BearerRoles;
import com.agentnexus.support.JwtDecoderConfiguration;
import com.agentnexus.support.ProblemAuthenticationEntryPoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Authenticates the WebSocket handshake with a JWT bearer token, so an unauthenticated
 * client gets 401 (an RFC 9457 body, as on REST) and no upgrade. Roles are read as on
 * REST ({@link BearerRoles}). Health, metrics and the web console's page
 * ({@link ConsolePaths}) stay public: they expose no execution data.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@Import(JwtDecoderConfiguration.class)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        // Browsers cannot set headers on a WebSocket handshake, hence the access_token
        // query parameter
        var bearerTokens = new ServerBearerTokenAuthenticationConverter();
        bearerTokens.setAllowUriQueryParameter(true);
        var unauthorized = new ProblemAuthenticationEntryPoint();
        // a browser loads the console's page before it has a token; reading them is all
        // the console's paths allow
        String[] console = ConsolePaths.PUBLIC.toArray(String[]::new);
        return http
            .authorizeExchange(exchanges -> exchanges.pathMatchers("/health", "/health/**", "/metrics", "/metrics/**")
                .permitAll()
                .pathMatchers(HttpMethod.GET, console)
                .permitAll()
                .pathMatchers(HttpMethod.HEAD, console)
                .permitAll()
                .anyExchange()
                .authenticated())
            // the same refusals as the REST services: 401 problem for every token problem
            // (two tokens too)
            .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized))
            .oauth2ResourceServer(server -> server.bearerTokenConverter(bearerTokens)
                .authenticationEntryPoint(unauthorized)
                .jwt(jwt -> jwt.jwtAuthenticationConverter(BearerRoles.converter())))
            // stateless bearer auth: no WebSession per request (creating one hops threads
            // and allocates)
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .build();
    }

}
