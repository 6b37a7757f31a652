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
import java.util.Map;
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
    void rejectsANumericSubjectInsteadOfReadingItAsText() {
        String token = Hs256Tokens.signClaims(Hs256Tokens.DEV_SECRET, Map.of("sub", 42), inAnHour());

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class)
            .hasMessageContaining(BearerClaims.SUB_NOT_A_STRING);
    }

    @Test
    void rejectsASubjectPostgresCannotStore() {
        // as the JSON escapes a client's issuer would write; the decoded sub holds NUL or
        // a lone surrogate
        for (String subject : List.of("ali\\u0000ce", "ali\\ud800ce", "\\udc00alice")) {
            String token = Hs256Tokens.signPayload(Hs256Tokens.DEV_SECRET,
                    "{\"sub\":\"" + subject + "\",\"exp\":" + inAnHour().getEpochSecond() + "}");

            assertThatThrownBy(() -> decoder.decode(token).block()).as(subject)
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining(BearerClaims.SUB_NOT_STORABLE);
        }
    }

    @Test
    void acceptsRolesAsAnArrayOrAsASpaceSeparatedString() {
        for (Object roles : List.of(List.of("admin", "ops"), "admin ops", "ops  admin")) {
            String token = Hs256Tokens.signClaims(Hs256Tokens.DEV_SECRET, Map.of("sub", "alice", "roles", roles),
                    inAnHour());

            assertThat(BearerRoles.isAdmin(decoder.decode(token).block())).as(roles.toString()).isTrue();
        }
    }

    @Test
    void rejectsRolesOfAnyOtherShape() {
        for (Object roles : List.of(7, Map.of("admin", true), List.of("admin", 7))) {
            String token = Hs256Tokens.signClaims(Hs256Tokens.DEV_SECRET, Map.of("sub", "alice", "roles", roles),
                    inAnHour());

            assertThatThrownBy(() -> decoder.decode(token).block()).as(roles.toString())
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining(BearerClaims.ROLES_MALFORMED);
        }
    }

    @Test
    void rejectsAnExpiredToken() {
        String token = Hs256Tokens.sign(Hs256Tokens.DEV_SECRET, "alice", List.of(),
                Instant.now().minus(Duration.ofHours(1)));

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void rejectsASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> new JwtProperties("too-short-secret")).isInstanceOf(IllegalArgumentException.class)
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
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

}
