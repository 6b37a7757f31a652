package com.agentnexus.support;

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

/** Mints HS256 tokens the way the platform's issuer does; each service's tests name the tokens they need. */
public final class Hs256Tokens {

    /** The development default of {@code agentnexus.security.jwt-secret}. */
    public static final String DEV_SECRET = JwtProperties.DEV_SECRET;

    private Hs256Tokens() {
    }

    /** A token for {@code subject}, with a {@code roles} claim only when there are roles. */
    public static String sign(String secret, String subject, List<String> roles, Instant expiry) {
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
