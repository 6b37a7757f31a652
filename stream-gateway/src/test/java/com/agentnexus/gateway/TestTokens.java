package com.agentnexus.gateway;

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
import java.util.List;

/** Mints HS256 tokens as the token issuer would, with the gateway's development secret unless told otherwise. */
final class TestTokens {

    static final String DEV_SECRET = "agentnexus-dev-secret-change-me-0123456789abcdef";

    private TestTokens() {
    }

    static String user(String subject) {
        return sign(DEV_SECRET, subject, List.of(), Instant.now().plus(Duration.ofHours(1)));
    }

    static String admin(String subject) {
        return sign(DEV_SECRET, subject, List.of("admin"), Instant.now().plus(Duration.ofHours(1)));
    }

    static String signedWithAnotherSecret(String subject) {
        return sign("someone-elses-secret-0123456789abcdefghijkl", subject, List.of(),
                Instant.now().plus(Duration.ofHours(1)));
    }

    static String expired(String subject) {
        return sign(DEV_SECRET, subject, List.of(), Instant.now().minus(Duration.ofHours(1)));
    }

    private static String sign(String secret, String subject, List<String> roles, Instant expiry) {
        var claims = new JWTClaimsSet.Builder().subject(subject).expirationTime(Date.from(expiry));
        if (!roles.isEmpty()) {
            claims.claim("roles", roles);
        }
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
