package com.agentnexus.execution;

import com.agentnexus.support.Hs256Tokens;
import java.time.Instant;
import java.util.List;

/** The tokens these tests need, minted the way the platform's issuer does. */
final class Tokens {

    private Tokens() {
    }

    static String forUser(String userId, String... roles) {
        return Hs256Tokens.sign(TestInfrastructure.JWT_SECRET, userId, List.of(roles), inTenMinutes());
    }

    static String signedWithAnotherSecret(String userId) {
        return Hs256Tokens.sign("some-other-secret-that-is-long-enough-0123456789", userId, List.of(), inTenMinutes());
    }

    private static Instant inTenMinutes() {
        return Instant.now().plusSeconds(600);
    }

}
