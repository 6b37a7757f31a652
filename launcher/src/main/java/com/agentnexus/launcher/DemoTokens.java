package com.agentnexus.launcher;

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

/**
 * Mints HS256 bearer tokens that the services accept: {@code sub} = user id, optional
 * {@code roles}.
 */
final class DemoTokens {

    private DemoTokens() {
    }

    static String mint(String secret, String userId, List<String> roles, Duration validity) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder().subject(userId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(validity)));
        if (!roles.isEmpty()) {
            claims.claim("roles", roles);
        }
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        }
        catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign with this secret (HS256 needs at least 32 bytes)", e);
        }
        return jwt.serialize();
    }

}
