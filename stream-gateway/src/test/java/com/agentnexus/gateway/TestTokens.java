package com.agentnexus.gateway;

import com.agentnexus.support.Hs256Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The tokens the gateway's tests need, signed with the development secret unless told
 * otherwise.
 */
final class TestTokens {

    private TestTokens() {
    }

    static String user(String subject) {
        return Hs256Tokens.sign(Hs256Tokens.DEV_SECRET, subject, List.of(), inAnHour());
    }

    static String admin(String subject) {
        return Hs256Tokens.sign(Hs256Tokens.DEV_SECRET, subject, List.of("admin"), inAnHour());
    }

    static String signedWithAnotherSecret(String subject) {
        return Hs256Tokens.sign("someone-elses-secret-0123456789abcdefghijkl", subject, List.of(), inAnHour());
    }

    static String expired(String subject) {
        return Hs256Tokens.sign(Hs256Tokens.DEV_SECRET, subject, List.of(), Instant.now().minus(Duration.ofHours(1)));
    }

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

}
