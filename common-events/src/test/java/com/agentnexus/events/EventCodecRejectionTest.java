package com.agentnexus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every malformed message is rejected with an {@link EventDecodingException} naming the
 * field at fault.
 */
class EventCodecRejectionTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "not json", "{", "{\"v\":1,", "{'v':1}" })
    void rejectsTextThatIsNotJsonNamingTheWholeMessage(String text) {
        assertThat(rejectionOf(text).field()).isEqualTo("$");
    }

    @ParameterizedTest
    @ValueSource(strings = { "[1,2]", "42", "\"status\"", "null", "true" })
    void rejectsJsonThatIsNotAnObjectNamingTheWholeMessage(String text) {
        assertThat(rejectionOf(text).field()).isEqualTo("$");
    }

    @Test
    void rejectsUnknownEventTypeNamingTheField() {
        EventDecodingException e = rejectionOf(GoldenEvents.LOG, n -> n.put("type", "metric"));

        assertThat(e.field()).isEqualTo("type");
        assertThat(e.getMessage()).contains("metric");
    }

    @Test
    void rejectsEventTypeInTheWrongCaseNamingTheField() {
        assertThat(rejectionOf(GoldenEvents.LOG, n -> n.put("type", "LOG")).field()).isEqualTo("type");
    }

    @Test
    void rejectsUnsupportedSchemaVersionNamingTheField() {
        assertThat(rejectionOf(GoldenEvents.LOG, n -> n.put("v", 2)).field()).isEqualTo("v");
    }

    @Test
    void rejectsSchemaVersionAsStringNamingTheField() {
        assertThat(rejectionOf(GoldenEvents.LOG, n -> n.put("v", "1")).field()).isEqualTo("v");
    }

    static Stream<Arguments> requiredFields() {
        Stream<Arguments> envelope = Stream
            .of(GoldenEvents.LOG, GoldenEvents.PENDING, GoldenEvents.COMPLETED, GoldenEvents.RESOURCE)
            .flatMap(event -> Stream.of("v", "type", "executionId", "agentId", "userId", "seq", "timestamp")
                .map(field -> Arguments.of(event.type().wireName(), event, field)));
        Stream<Arguments> specific = Stream.of(Arguments.of("log", GoldenEvents.LOG, "stream"),
                Arguments.of("log", GoldenEvents.LOG, "line"), Arguments.of("status", GoldenEvents.PENDING, "status"),
                Arguments.of("status", GoldenEvents.PENDING, "agentName"),
                Arguments.of("terminal status", GoldenEvents.COMPLETED, "durationMs"),
                Arguments.of("terminal status", GoldenEvents.COMPLETED, "eventCount"),
                Arguments.of("terminal status", GoldenEvents.COMPLETED, "logChecksum"),
                Arguments.of("resource", GoldenEvents.RESOURCE, "memoryBytes"),
                Arguments.of("resource", GoldenEvents.RESOURCE, "cpuPercent"),
                Arguments.of("resource", GoldenEvents.RESOURCE, "durationMs"));
        return Stream.concat(envelope, specific);
    }

    @ParameterizedTest(name = "{0} without {2}")
    @MethodSource("requiredFields")
    void rejectsAMissingRequiredFieldNamingIt(String kind, ExecutionEvent event, String field) {
        assertThat(rejectionOf(event, n -> n.remove(field)).field()).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0} with null {2}")
    @MethodSource("requiredFields")
    void rejectsANullRequiredFieldNamingIt(String kind, ExecutionEvent event, String field) {
        assertThat(rejectionOf(event, n -> n.putNull(field)).field()).isEqualTo(field);
    }

    static Stream<Arguments> wrongValues() {
        return Stream.of(Arguments.of("seq as string", GoldenEvents.LOG, "seq", JSON.valueToTree("3")),
                Arguments.of("seq as fraction", GoldenEvents.LOG, "seq", JSON.valueToTree(1.5)),
                Arguments.of("seq zero", GoldenEvents.LOG, "seq", JSON.valueToTree(0)),
                Arguments.of("seq beyond long", GoldenEvents.LOG, "seq",
                        JSON.readTree("123456789012345678901234567890")),
                Arguments.of("timestamp as string", GoldenEvents.LOG, "timestamp", JSON.valueToTree("now")),
                Arguments.of("negative timestamp", GoldenEvents.LOG, "timestamp", JSON.valueToTree(-1)),
                Arguments.of("executionId UUIDv4", GoldenEvents.LOG, "executionId",
                        JSON.valueToTree("3f2504e0-4f89-41d3-9a0c-0305e82c3301")),
                Arguments.of("executionId not a UUID", GoldenEvents.LOG, "executionId", JSON.valueToTree("exec-1")),
                Arguments.of("executionId as number", GoldenEvents.LOG, "executionId", JSON.valueToTree(7)),
                Arguments.of("executionId without dashes", GoldenEvents.LOG, "executionId",
                        JSON.valueToTree("01890a5dac967b3e8f1c2d4e5f6a7b8c")),
                Arguments.of("agentId blank", GoldenEvents.LOG, "agentId", JSON.valueToTree(" ")),
                Arguments.of("agentId as object", GoldenEvents.LOG, "agentId", JSON.createObjectNode()),
                Arguments.of("userId as number", GoldenEvents.LOG, "userId", JSON.valueToTree(42)),
                Arguments.of("unknown stream", GoldenEvents.LOG, "stream", JSON.valueToTree("stdin")),
                Arguments.of("stream in upper case", GoldenEvents.LOG, "stream", JSON.valueToTree("STDOUT")),
                Arguments.of("line as number", GoldenEvents.LOG, "line", JSON.valueToTree(1)),
                Arguments.of("unknown status", GoldenEvents.PENDING, "status", JSON.valueToTree("DONE")),
                Arguments.of("status in lower case", GoldenEvents.PENDING, "status", JSON.valueToTree("pending")),
                Arguments.of("priceWei negative", GoldenEvents.PENDING, "priceWei", JSON.valueToTree("-1")),
                Arguments.of("priceWei fraction", GoldenEvents.PENDING, "priceWei", JSON.valueToTree("1.5")),
                Arguments.of("priceWei exponent", GoldenEvents.PENDING, "priceWei", JSON.valueToTree("1e18")),
                Arguments.of("priceWei hex", GoldenEvents.PENDING, "priceWei", JSON.valueToTree("0x10")),
                Arguments.of("priceWei padded", GoldenEvents.PENDING, "priceWei", JSON.valueToTree(" 1")),
                Arguments.of("priceWei empty", GoldenEvents.PENDING, "priceWei", JSON.valueToTree("")),
                Arguments.of("priceWei as JSON number", GoldenEvents.PENDING, "priceWei",
                        JSON.valueToTree(1000000000000000000L)),
                Arguments.of("output as string", GoldenEvents.COMPLETED, "output", JSON.valueToTree("{\"ok\":true}")),
                Arguments.of("output as array", GoldenEvents.COMPLETED, "output", JSON.readTree("[1]")),
                Arguments.of("exitCode as string", GoldenEvents.FAILED, "exitCode", JSON.valueToTree("2")),
                Arguments.of("exitCode beyond int", GoldenEvents.FAILED, "exitCode", JSON.valueToTree(1L << 40)),
                Arguments.of("eventCount not the seq", GoldenEvents.COMPLETED, "eventCount", JSON.valueToTree(4)),
                Arguments.of("memoryBytes negative", GoldenEvents.RESOURCE, "memoryBytes", JSON.valueToTree(-1)),
                Arguments.of("cpuPercent as string", GoldenEvents.RESOURCE, "cpuPercent", JSON.valueToTree("45%")),
                Arguments.of("cpuPercent negative", GoldenEvents.RESOURCE, "cpuPercent", JSON.valueToTree(-0.5)),
                Arguments.of("durationMs as fraction", GoldenEvents.RESOURCE, "durationMs", JSON.valueToTree(1.5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongValues")
    void rejectsAFieldOfTheWrongTypeOrRangeNamingIt(String description, ExecutionEvent event, String field,
            tools.jackson.databind.JsonNode value) {
        assertThat(rejectionOf(event, n -> n.set(field, value)).field()).isEqualTo(field);
    }

    @Test
    void neverEchoesAWholeOversizedPayloadInTheMessage() {
        String huge = "x".repeat(100_000);

        EventDecodingException e = rejectionOf("{\"v\":1,\"type\":\"" + huge + "\"}");

        assertThat(e.field()).isEqualTo("type");
        assertThat(e.getMessage().length()).isLessThan(1_000);
    }

    private EventDecodingException rejectionOf(ExecutionEvent valid, Consumer<ObjectNode> corruption) {
        ObjectNode node = (ObjectNode) JSON.readTree(codec.encode(valid));
        corruption.accept(node);
        return rejectionOf(JSON.writeValueAsString(node));
    }

    private EventDecodingException rejectionOf(String json) {
        EventDecodingException e = catchThrowableOfType(EventDecodingException.class, () -> codec.decode(json));
        assertThat(e).as("decoding %s", json.length() > 200 ? json.substring(0, 200) + "…" : json).isNotNull();
        return e;
    }

}
