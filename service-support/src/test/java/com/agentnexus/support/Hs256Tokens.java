package com.agentnexus.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Mints HS256 tokens the way the platform's issuer does; each service's tests name the
 * tokens they need.
 */
public final class Hs256Tokens {

    /** The development default of {@code agentnexus.security.jwt-secret}. */
    public static final String DEV_SECRET = JwtProperties.DEV_SECRET;

    private Hs256Tokens() {
    }

    /**
     * A token for {@code subject}, with a {@code roles} claim only when there are roles.
     */
    public static String sign(String secret, String subject, List<String> roles, Instant expiry) {
        var claims = new JWTClaimsSet.Builder().subject(subject).expirationTime(Date.from(expiry));
        if (!roles.isEmpty()) {
            claims.claim("roles", roles);
        }
        return signed(secret, claims.build());
    }

    /**
     * A token with exactly these claims, for tests of tokens the issuer would never mint
     * (a numeric {@code sub}, {@code roles} as one string), expiring at {@code expiry}.
     */
    public static String signClaims(String secret, Map<String, Object> claims, Instant expiry) {
        var builder = new JWTClaimsSet.Builder().expirationTime(Date.from(expiry));
        claims.forEach(builder::claim);
        return signed(secret, builder.build());
    }

    /**
     * A token whose payload is exactly this JSON text, for what a claims builder cannot
     * write (an escaped unpaired surrogate: serialised from a Java string it would become
     * {@code ?}).
     */
    public static String signPayload(String secret, String json) {
        return sign(secret, new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(json)));
    }

    private static String signed(String secret, JWTClaimsSet claims) {
        return sign(secret, new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims));
    }

    private static String sign(String secret, JWSObject jws) {
        try {
            jws.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

}
