package com.agentnexus.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** HS256 bearer tokens as the platform's issuer mints them. */
public final class BenchTokens {

    /**
     * The development default of {@code agentnexus.security.jwt-secret}; the harness
     * starts the gateway with it.
     */
    public static final String DEV_SECRET = "agentnexus-dev-secret-change-me-0123456789abcdef";

    private BenchTokens() {
    }

    /** A token for {@code subject} valid for a day. */
    public static String token(String secret, String subject) {
        var claims = new JWTClaimsSet.Builder().subject(subject)
            .expirationTime(Date.from(Instant.now().plus(Duration.ofDays(1))))
            .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

}
