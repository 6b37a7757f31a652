package com.agentnexus.aggregator.acceptance;

import com.agentnexus.support.Hs256Tokens;
import java.time.Instant;
import java.util.List;

/**
 * The tokens these tests call /api/revenue with, signed with the secret the aggregators
 * under test verify.
 */
final class BearerTokens {

    private BearerTokens() {
    }

    static String admin() {
        return sign("acceptance-admin", List.of("admin"));
    }

    static String user() {
        return sign("acceptance-user", List.of());
    }

    private static String sign(String subject, List<String> roles) {
        return Hs256Tokens.sign(AggregatorInfrastructure.JWT_SECRET, subject, roles, Instant.now().plusSeconds(3600));
    }

}
