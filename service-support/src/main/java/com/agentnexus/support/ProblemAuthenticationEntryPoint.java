package com.agentnexus.support;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a missing or invalid token with 401, a {@code WWW-Authenticate: Bearer}
 * challenge (RFC 6750) and an RFC 9457 body. The detail never echoes the token. Every
 * refusal of a token is 401, a malformed request for one too (two tokens, say), where RFC
 * 6750 would allow 400: a client has one status to handle.
 */
public final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean invalid = failure instanceof InvalidBearerTokenException;
        String detail = invalid ? invalidTokenDetail(failure) : "A bearer token is required.";
        exchange.getResponse()
            .getHeaders()
            .set(HttpHeaders.WWW_AUTHENTICATE, invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
        return write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    /**
     * Which claim is wrong when it is one {@link BearerClaims} checks, so the client can
     * tell its issuer.
     */
    private static String invalidTokenDetail(AuthenticationException failure) {
        if (failure.getCause() instanceof JwtValidationException validation) {
            for (OAuth2Error error : validation.getErrors()) {
                if (error.getDescription() != null && BearerClaims.isOurs(error.getDescription())) {
                    return error.getDescription();
                }
            }
        }
        return "The bearer token is invalid or expired.";
    }

    /**
     * Writes an RFC 9457 body; {@code detail} must be a constant text, the request path
     * is escaped here.
     */
    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"https://agentnexus.dev/problems/" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\""
                + jsonEscape(exchange.getRequest().getPath().value()) + "\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    private static String jsonEscape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            }
            else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            }
            else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

}
