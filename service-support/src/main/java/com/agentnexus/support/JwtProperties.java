package com.agentnexus.support;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HS256 secret shared with the token issuer and the other services. The default is
 * declared here only and is for development only (the README says so); every deployment
 * sets {@code agentnexus.security.jwt-secret}.
 *
 * @param jwtSecret HS256 secret the bearer tokens are signed with, shared by every
 * service and the token issuer; at least 32 bytes. The default is a development secret
 * published in the README: every deployment sets its own
 * (AGENTNEXUS_SECURITY_JWT_SECRET).
 */
@ConfigurationProperties("agentnexus.security")
public record JwtProperties(@DefaultValue(JwtProperties.DEV_SECRET) String jwtSecret) {

    static final String DEV_SECRET = "agentnexus-dev-secret-change-me-0123456789abcdef";

    public JwtProperties {
        // HS256 needs a key of at least 256 bits; Nimbus would reject a shorter one only
        // on the first token
        if (jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("agentnexus.security.jwt-secret must be at least 32 bytes for HS256");
        }
    }

    @Override
    public String toString() {
        return "JwtProperties[jwtSecret=<redacted>]";
    }
}
