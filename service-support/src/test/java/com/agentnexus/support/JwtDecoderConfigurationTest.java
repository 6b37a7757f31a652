package com.agentnexus.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

class JwtDecoderConfigurationTest {

    private final ReactiveJwtDecoder decoder = JwtDecoderConfiguration.hs256(Hs256Tokens.DEV_SECRET);

    @Test
    void acceptsATokenWithSubjectAndExpiry() {
        String token = Hs256Tokens.sign(Hs256Tokens.DEV_SECRET, "alice", List.of("admin"), inAnHour());

        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("alice");
    }

    @Test
    void rejectsATokenWithoutExpiry() {
        String token = signed(new JWTClaimsSet.Builder().subject("alice").build());

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void rejectsATokenWithABlankSubject() {
        String token = Hs256Tokens.sign(Hs256Tokens.DEV_SECRET, " ", List.of(), inAnHour());

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void rejectsAnExpiredToken() {
        String token = Hs256Tokens.sign(Hs256Tokens.DEV_SECRET, "alice", List.of(),
                Instant.now().minus(Duration.ofHours(1)));

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void rejectsASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> new JwtProperties("too-short-secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(new JwtProperties(Hs256Tokens.DEV_SECRET).toString()).doesNotContain(Hs256Tokens.DEV_SECRET);
    }

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    private static String signed(JWTClaimsSet claims) {
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(Hs256Tokens.DEV_SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
