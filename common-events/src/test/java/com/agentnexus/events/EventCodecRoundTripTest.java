package com.agentnexus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventCodecRoundTripTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void roundTripsEveryEventOfACompletedExecution() {
        var run = ExecutionFixture.anExecution().ownedBy("alice");
        run.pending();
        run.running();
        run.stdout("hello");
        run.stderr("warning: \"quoted\" \\ back\\slash \t tab \u0000 nul \uD83D\uDE00");
        run.log(LogStream.SYSTEM, "");
        run.resources(134_217_728L, 45.2);
        run.completed("{\"ok\":true}");

        assertRoundTrips(run.events());
    }

    @Test
    void roundTripsEveryEventOfAFailedExecution() {
        var run = ExecutionFixture.anExecution();
        run.pending();
        run.running();
        run.stderr("boom");
        run.failed(137);

        assertRoundTrips(run.events());
    }

    @Test
    void roundTripsEveryTerminalStatus() {
        for (ExecutionStatus status : ExecutionStatus.values()) {
            if (!status.isTerminal()) {
                continue;
            }
            var run = ExecutionFixture.anExecution();
            run.pending();
            ExecutionStatusChanged terminal = run.terminal(status, null, status + " reason", null);

            assertThat(codec.decode(codec.encode(terminal))).as(status.name()).isEqualTo(terminal);
        }
    }

    @Test
    void keepsWeiAmountsAbove2To53Exactly() {
        // 2^53 + 1 is the first integer a double cannot hold; a float64 codec would
        // silently round it
        var run = ExecutionFixture.anExecution().ofAgent("whale", "Whale", "9007199254740993");
        ExecutionStatusChanged pending = run.pending();

        var decoded = (ExecutionStatusChanged) codec.decode(codec.encode(pending));

        assertThat(decoded.priceWei()).isEqualTo(new BigInteger("9007199254740993"));
    }

    @Test
    void keepsA256BitWeiAmountExactly() {
        BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
        var run = ExecutionFixture.anExecution().ofAgent("whale", "Whale", max.toString());
        ExecutionStatusChanged completed = run.completed("{}");

        var decoded = (ExecutionStatusChanged) codec.decode(codec.encode(completed));

        assertThat(decoded.priceWei()).isEqualTo(max);
    }

    @Test
    void writesWeiAsADecimalStringNotAJsonNumber() {
        var run = ExecutionFixture.anExecution().ofAgent("a", "A", "123456789012345678901234567890");

        JsonNode price = JsonMapper.builder().build().readTree(codec.encode(run.pending())).get("priceWei");

        assertThat(price.isString()).isTrue();
        assertThat(price.stringValue()).isEqualTo("123456789012345678901234567890");
    }

    @Test
    void roundTripsAStatusWithoutPrice() {
        var event = ExecutionStatusChanged.transition(GoldenEvents.EXECUTION_ID, GoldenEvents.DEMO_WORKER,
                GoldenEvents.ALICE, 2, 1L, ExecutionStatus.RUNNING, "Demo worker", null);

        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
        assertThat(codec.encode(event)).doesNotContain("priceWei");
    }

    @Test
    void roundTripsNestedOutputObjectsIncludingNumbersBeyondLongRange() {
        String output = "{\"answer\":42,\"big\":123456789012345678901234567890,\"list\":[1,\"two\",null,{\"x\":false}],"
                + "\"nested\":{\"deeper\":{\"text\":\"caf\u00e9\"}}}";
        var run = ExecutionFixture.anExecution();
        ExecutionStatusChanged completed = run.completed(output);

        var decoded = (ExecutionStatusChanged) codec.decode(codec.encode(completed));

        assertThat(decoded).isEqualTo(completed);
        assertThat(decoded.outputJson()).isEqualTo(output);
    }

    @Test
    void embedsOutputAsAJsonObjectNotAString() {
        var run = ExecutionFixture.anExecution();

        JsonNode output = JsonMapper.builder()
            .build()
            .readTree(codec.encode(run.completed("{\"ok\":true}")))
            .get("output");

        assertThat(output.isObject()).isTrue();
        assertThat(output.get("ok").booleanValue()).isTrue();
    }

    @Test
    void refusesToEncodeOutputThatIsNotAnObjectBecauseNoConsumerCouldDecodeIt() {
        var run = ExecutionFixture.anExecution();
        ExecutionStatusChanged arrayOutput = run.completed("[1,2]");

        assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(arrayOutput))
            .withMessageContaining("outputJson");
    }

    @Test
    void ignoresUnknownExtraFieldsSoProducersMayAddOptionalOnes() {
        String json = codec.encode(GoldenEvents.LOG).replaceFirst("\\{", "{\"addedLater\":{\"x\":1},");

        assertThat(codec.decode(json)).isEqualTo(GoldenEvents.LOG);
    }

    private void assertRoundTrips(List<ExecutionEvent> events) {
        assertThat(events).isNotEmpty();
        for (ExecutionEvent event : events) {
            assertThat(codec.decode(codec.encode(event))).as("seq %d", event.seq()).isEqualTo(event);
        }
    }

}
