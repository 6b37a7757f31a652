package com.agentnexus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Hostile input on one connection — random characters, JSON token soup, deep nesting,
 * huge numbers, wrong types — earns exactly one {@code error} per frame, each with one of
 * the stable codes a malformed frame can earn; that connection still answers, and a
 * well-behaved client on another connection receives its execution's events, complete and
 * in order. The frames are drawn from a seed (printed on failure;
 * {@code -Dgateway.it.seed=} replays it). Forty frames and a ping stay within the default
 * message burst, so no answer is a RATE_LIMITED.
 */
class HostileFramesIT extends GatewayIntegrationTest {

    /** The codes a frame can earn on its own, whatever the connection did before. */
    private static final List<String> MALFORMED_FRAME_CODES = List.of("INVALID_JSON", "UNKNOWN_TYPE",
            "INVALID_EXECUTION_ID", "INVALID_FROM_SEQ");

    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ":", ",", "\"", "\\", "\"type\"",
            "\"subscribe\"", "\"unsubscribe\"", "\"executionId\"", "\"fromSeq\"", "null", "true", "-1", "1e999", "0.5",
            "\"\\u0000\"", "\"\\ud800\"", "\"💥\"", "\"0190f0a0-0000-7000-8000-00000000000\"", " ", "\n");

    /**
     * The time limit guards against a hang (a frame the gateway never answers, a parser
     * that never returns), not against slowness: the test needs a few seconds, so it
     * never fails on timing.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
    void everyHostileFrameEarnsOneStableErrorAndNobodyElseIsDisturbed() {
        long seed = Long.getLong("gateway.it.seed", System.nanoTime());
        List<String> frames = hostileFrames(new Random(seed));
        ExecutionFixture run = ExecutionFixture.anExecution().ownedBy("alice");
        run.pending();
        publish(run.events());

        try (StreamClient witness = connect("alice"); StreamClient hostile = connect("alice")) {
            witness.subscribe(run.executionId());
            witness.awaitMessage(message -> message.path("seq").asLong() == 1);

            frames.forEach(hostile::send);
            run.running();
            run.stdout("while the other connection misbehaves");
            run.completed("{}");
            publish(run.events().subList(1, run.events().size()));
            hostile.roundTrip();

            witness.awaitTerminalStatus(run.executionId());
            witness.roundTrip();
            assertThat(witness.seqsOf(run.executionId())).as("seed %d", seed).containsExactly(1L, 2L, 3L, 4L);
            assertThat(witness.errorCodes()).as("seed %d", seed).isEmpty();
            assertThat(hostile.received()).as("seed %d: only errors and the pong", seed)
                .extracting(StreamClient::type)
                .containsOnly("error", "pong");
            assertThat(hostile.errorCodes()).as("seed %d: one answer per frame of %s", seed, frames)
                .hasSize(frames.size())
                .allSatisfy(code -> assertThat(code).isIn(MALFORMED_FRAME_CODES));
        }
    }

    private static List<String> hostileFrames(Random random) {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            frames.add(randomCharacters(random, random.nextInt(2_000)));
        }
        for (int i = 0; i < 20; i++) {
            frames.add(tokenSoup(random, 1 + random.nextInt(40)));
        }
        frames.add("");
        frames.add("[".repeat(5_000));
        frames.add("{\"a\":".repeat(2_000));
        frames.add("{\"type\":\"subscribe\",\"executionId\":\"not-a-uuid\",\"fromSeq\":" + "9".repeat(5_000) + "}");
        frames.add("{\"type\":\"" + "\\u0000".repeat(2_000) + "\"}");
        frames.add("{\"type\":\"\\ud800\"}");
        frames.add("{\"type\":42}");
        frames.add("{\"type\":{\"type\":\"subscribe\"}}");
        frames.add("{\"type\":\"subscribe\",\"executionId\":[\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\"]}");
        frames.add("{\"type\":\"unsubscribe\",\"executionId\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\"}");
        return frames;
    }

    /**
     * Any characters of the Basic Multilingual Plane but surrogates, control characters
     * included.
     */
    private static String randomCharacters(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            char c = (char) random.nextInt(0xD800);
            text.append(c);
        }
        return text.toString();
    }

    /**
     * JSON-looking fragments in random order, inside braces half the time: almost JSON,
     * never a valid request.
     */
    private static String tokenSoup(Random random, int count) {
        boolean braced = random.nextBoolean();
        StringBuilder text = new StringBuilder(braced ? "{" : "");
        for (int i = 0; i < count; i++) {
            text.append(TOKENS.get(random.nextInt(TOKENS.size())));
        }
        return text.append(braced ? "}" : "").toString();
    }

}
