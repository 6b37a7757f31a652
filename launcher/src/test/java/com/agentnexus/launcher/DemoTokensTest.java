package com.agentnexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTokensTest {

    @Test
    void mintsAnHs256TokenTheSharedSecretVerifies() throws Exception {
        String token = DemoTokens.mint(StackConfig.DEV_JWT_SECRET, "demo", List.of(), Duration.ofHours(1));

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(StackConfig.DEV_JWT_SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("demo");
        assertThat(jwt.getJWTClaimsSet().getClaim("roles")).isNull();
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(new Date());
    }

    @Test
    void carriesRolesWhenGiven() throws Exception {
        String token = DemoTokens.mint(StackConfig.DEV_JWT_SECRET, "ops", List.of("admin"), Duration.ofHours(1));

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("roles")).containsExactly("admin");
    }

    @Test
    void anotherSecretDoesNotVerifyIt() throws Exception {
        String token = DemoTokens.mint(StackConfig.DEV_JWT_SECRET, "demo", List.of(), Duration.ofHours(1));

        var otherSecret = "another-secret-that-is-long-enough-0123456789".getBytes(StandardCharsets.UTF_8);
        assertThat(SignedJWT.parse(token).verify(new MACVerifier(otherSecret))).isFalse();
    }

    @Test
    void refusesASecretTooShortForHs256() {
        assertThatThrownBy(() -> DemoTokens.mint("short", "demo", List.of(), Duration.ofHours(1)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("32 bytes");
    }

}
