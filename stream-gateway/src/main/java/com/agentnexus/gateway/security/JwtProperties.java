package com.agentnexus.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HS256 secret shared with the token issuer. The default is for development only (the README says so);
 * every deployment sets {@code agentnexus.security.jwt-secret}.
 */
@ConfigurationProperties("agentnexus.security")
record JwtProperties(@DefaultValue("agentnexus-dev-secret-change-me-0123456789abcdef") String jwtSecret) {

    JwtProperties {
        if (jwtSecret.length() < 32) {
            // HS256 needs a key of at least 256 bits; Nimbus rejects shorter ones on the first token anyway
            throw new IllegalArgumentException("agentnexus.security.jwt-secret must be at least 32 characters");
        }
    }
}
