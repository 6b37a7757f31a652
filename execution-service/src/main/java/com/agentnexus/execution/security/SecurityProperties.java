package com.agentnexus.execution.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param jwtSecret the HS256 secret shared with the gateway and token issuer; the default is for development */
@ConfigurationProperties("agentnexus.security")
record SecurityProperties(@DefaultValue("agentnexus-dev-secret-change-me-0123456789abcdef") String jwtSecret) {

    SecurityProperties {
        if (jwtSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("agentnexus.security.jwt-secret must be at least 32 bytes for HS256");
        }
    }

    @Override
    public String toString() {
        return "SecurityProperties[jwtSecret=<redacted>]";
    }
}
