package com.agentnexus.execution;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints HS256 tokens the way the platform's issuer does. */
final class Tokens {

    private Tokens() {
    }

    static String forUser(String userId, String... roles) {
        return sign(userId, TestInfrastructure.JWT_SECRET, roles);
    }

    static String signedWithAnotherSecret(String userId) {
        return sign(userId, "some-other-secret-that-is-long-enough-0123456789", new String[0]);
    }

    private static String sign(String userId, String secret, String[] roles) {
        var claims = new JWTClaimsSet.Builder()
                .subject(userId)
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
        if (roles.length > 0) {
            claims.claim("roles", List.of(roles));
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
