package com.agentnexus.gateway.protocol;

import static com.agentnexus.events.ExecutionFixture.anExecution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentnexus.events.EventCodec;
import com.agentnexus.events.EventType;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * docs/asyncapi.yaml is checked against the code: the error codes, the message types each
 * side can send, the event types on Kafka, and the fields of every message the code
 * encodes equal the document's properties (all of them) and required fields (those always
 * written).
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");

    private static Map<String, Object> document;

    private final ServerMessages serverMessages = new ServerMessages(Clock.systemUTC());

    private final EventCodec codec = new EventCodec();

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(DOCUMENT)) {
            document = new Yaml().load(reader);
        }
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(String.valueOf(document.get("asyncapi"))).startsWith("3.");
        assertThat(map(document, "channels")).containsKeys("ws", "executionLogs", "executionStatus",
                "executionResources");
        assertThat(map(map(document, "channels"), "ws").get("address")).isEqualTo("/ws");
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(resolve(ref)).as(ref).isNotNull();
        }
    }

    @Test
    void listsEveryErrorCode() {
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
        assertThat(strings(map(map(map(document, "components"), "schemas"), "ErrorCode").get("enum")))
            .containsExactlyInAnyOrderElementsOf(codes);
        String description = (String) map(map(map(document, "components"), "schemas"), "ErrorCode").get("description");
        assertThat(codes).allSatisfy(code -> assertThat(description).contains("`" + code + "`"));
    }

    @Test
    void theGatewaySendsExactlyTheServerMessagesOfTheDocument() {
        Set<String> sentByCode = new TreeSet<>();
        for (String message : everyServerMessage()) {
            sentByCode.add(json.readTree(message).get("type").stringValue());
        }
        assertThat(messageTypes("sendServerMessages")).containsExactlyInAnyOrderElementsOf(sentByCode);
    }

    @Test
    void theParserAcceptsExactlyTheClientMessagesOfTheDocument() {
        var parser = new ClientMessageParser();
        Set<Class<?>> parsedTo = new HashSet<>();
        for (Map<String, Object> message : operationMessages("receiveClientMessages")) {
            Map<String, Object> payload = map(message, "payload");
            ObjectNode frame = json.createObjectNode();
            for (String field : strings(payload.get("required"))) {
                frame.put(field,
                        field.equals("type") ? constOf(payload, "type") : anExecution().executionId().toString());
            }
            // every optional field too, with a value the schema allows
            if (map(payload, "properties").containsKey("fromSeq")) {
                frame.put("fromSeq", 12);
            }
            parsedTo.add(parser.parse(frame.toString()).getClass());
            // every documented field is one the parser reads: a wrong value of it is
            // refused
            for (String field : map(payload, "properties").keySet()) {
                if (!field.equals("type")) {
                    ObjectNode wrong = frame.deepCopy();
                    wrong.put(field, true);
                    assertThatThrownBy(() -> parser.parse(wrong.toString())).as(field)
                        .isInstanceOf(ProtocolViolation.class);
                }
            }
        }
        assertThat(parsedTo)
            .containsExactlyInAnyOrderElementsOf(Arrays.asList(ClientMessage.class.getPermittedSubclasses()));
        // and a type outside the document is refused
        assertThat(messageTypes("receiveClientMessages")).doesNotContain("hello");
    }

    @Test
    void kafkaCarriesExactlyTheEventTypesOfTheDocumentOnTheirTopics() {
        Map<String, String> topicOfType = new LinkedHashMap<>();
        for (String operation : List.of("receiveLogEvents", "receiveStatusEvents", "receiveResourceEvents")) {
            Map<String, Object> op = map(map(document, "operations"), operation);
            Map<String, Object> channel = resolveMap(ref(op.get("channel")));
            for (Map<String, Object> message : operationMessages(operation)) {
                topicOfType.put(constOf(map(message, "payload"), "type"), (String) channel.get("address"));
                assertThat(map(map(message, "bindings"), "kafka")).containsKey("key");
            }
        }
        for (EventType type : EventType.values()) {
            assertThat(topicOfType).containsEntry(type.wireName(), Topics.DEFAULTS.topicFor(type));
        }
        assertThat(topicOfType).hasSize(EventType.values().length);
    }

    @Test
    void serverMessagesHaveTheDocumentedFields() {
        ExecutionFixture run = anExecution();
        ExecutionStatusChanged bare = ExecutionStatusChanged.transition(run.executionId(), run.agentId(), run.userId(),
                1, System.currentTimeMillis(), ExecutionStatus.PENDING, "Demo worker", null);
        ExecutionFixture full = anExecution();
        full.pending();
        var log = full.stdout("a line");
        var sample = full.resources(1024, 12.5);
        ExecutionFixture failing = anExecution();
        failing.pending();

        // always-written fields = required; the union over every variant = properties
        assertFields("log", List.of(serverMessages.event(log).text()), List.of(serverMessages.event(log).text()));
        assertFields("metrics", List.of(serverMessages.event(sample).text()),
                List.of(serverMessages.event(sample).text()));
        assertFields("status", List.of(serverMessages.event(bare).text()),
                List.of(serverMessages.event(bare).text(),
                        serverMessages.event(full.completed("{\"answer\":42}")).text(),
                        serverMessages.event(failing.failed(3)).text()));
        String errorOfNoExecution = serverMessages.error(null, ErrorCode.INVALID_JSON, "not JSON").text();
        assertFields("error", List.of(errorOfNoExecution),
                List.of(errorOfNoExecution, serverMessages.error(run.executionId(), ErrorCode.NOT_FOUND, "no").text()));
        assertFields("pong", List.of(serverMessages.pong().text()), List.of(serverMessages.pong().text()));
    }

    @Test
    void kafkaEventsHaveTheDocumentedFields() {
        ExecutionFixture full = anExecution();
        ExecutionStatusChanged bare = ExecutionStatusChanged.transition(full.executionId(), full.agentId(),
                full.userId(), 1, System.currentTimeMillis(), ExecutionStatus.PENDING, "Demo worker", null);
        full.pending();
        var log = full.stdout("a line");
        var sample = full.resources(1024, 12.5);
        ExecutionFixture failing = anExecution();
        failing.pending();

        assertEventFields("log", List.of(log), List.of(log));
        assertEventFields("resource", List.of(sample), List.of(sample));
        assertEventFields("status", List.of(bare), List.of(bare, full.completed("{\"answer\":42}"), failing.failed(3)));
        // the schema version the document states is the codec's
        Map<String, Object> version = map(map(map(kafkaMessage("log"), "payload"), "properties"), "v");
        assertThat(version.get("const")).isEqualTo(EventCodec.SCHEMA_VERSION);
    }

    private void assertFields(String type, List<String> minimal, List<String> all) {
        Map<String, Object> payload = map(serverMessage(type), "payload");
        assertShape(type, payload, minimal.stream().map(json::readTree).toList(),
                all.stream().map(json::readTree).toList());
    }

    private void assertEventFields(String type, List<ExecutionEvent> minimal, List<ExecutionEvent> all) {
        Map<String, Object> payload = map(kafkaMessage(type), "payload");
        assertShape(type, payload, minimal.stream().map(e -> json.readTree(codec.encode(e))).toList(),
                all.stream().map(e -> json.readTree(codec.encode(e))).toList());
    }

    /**
     * The fields of the leanest messages are the schema's required fields, the union of
     * every variant's fields are its properties; the same one level down, in
     * {@code data}.
     */
    private void assertShape(String type, Map<String, Object> schema, List<JsonNode> minimal, List<JsonNode> all) {
        assertThat(strings(schema.get("required"))).as(type + ": required")
            .containsExactlyInAnyOrderElementsOf(common(minimal));
        assertThat(map(schema, "properties").keySet()).as(type + ": properties")
            .containsExactlyInAnyOrderElementsOf(union(all));
        if (map(schema, "properties").containsKey("data")) {
            Map<String, Object> data = resolveSchema(map(map(schema, "properties"), "data"));
            assertShape(type + ".data", data, minimal.stream().map(node -> node.get("data")).toList(),
                    all.stream().map(node -> node.get("data")).toList());
        }
        if (map(schema, "properties").get("type") instanceof Map<?, ?> typeSchema) {
            for (JsonNode message : all) {
                assertThat(message.get("type").stringValue()).as(type).isEqualTo(typeSchema.get("const"));
            }
        }
    }

    private static Set<String> common(List<JsonNode> nodes) {
        Set<String> common = null;
        for (JsonNode node : nodes) {
            Set<String> names = new HashSet<>(node.propertyNames());
            if (common == null) {
                common = names;
            }
            else {
                common.retainAll(names);
            }
        }
        return common;
    }

    private static Set<String> union(List<JsonNode> nodes) {
        Set<String> union = new HashSet<>();
        nodes.forEach(node -> union.addAll(node.propertyNames()));
        return union;
    }

    /** One message of every kind the gateway can send. */
    private List<String> everyServerMessage() {
        ExecutionFixture run = anExecution();
        List<String> messages = new ArrayList<>();
        messages.add(serverMessages.event(run.pending()).text());
        messages.add(serverMessages.event(run.running()).text());
        messages.add(serverMessages.event(run.stdout("out")).text());
        messages.add(serverMessages.event(run.stderr("err")).text());
        messages.add(serverMessages.event(run.resources(1, 1.0)).text());
        messages.add(serverMessages.event(run.completed("{}")).text());
        for (EventType type : EventType.values()) {
            // a new event type fails here until it is mapped above (and documented)
            assertThat(run.events()).anySatisfy(event -> assertThat(event.type()).isEqualTo(type));
        }
        for (ErrorCode code : ErrorCode.values()) {
            messages.add(serverMessages.error(run.executionId(), code, "text").text());
        }
        messages.add(serverMessages.pong().text());
        return messages;
    }

    private Map<String, Object> serverMessage(String type) {
        return operationMessages("sendServerMessages").stream()
            .filter(message -> type.equals(constOf(map(message, "payload"), "type")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no server message " + type));
    }

    private Map<String, Object> kafkaMessage(String type) {
        return List.of("receiveLogEvents", "receiveStatusEvents", "receiveResourceEvents")
            .stream()
            .flatMap(operation -> operationMessages(operation).stream())
            .filter(message -> type.equals(constOf(map(message, "payload"), "type")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Kafka message " + type));
    }

    private Set<String> messageTypes(String operation) {
        return operationMessages(operation).stream()
            .map(message -> constOf(map(message, "payload"), "type"))
            .collect(Collectors.toSet());
    }

    private List<Map<String, Object>> operationMessages(String operation) {
        Map<String, Object> op = map(map(document, "operations"), operation);
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Object message : (List<?>) op.get("messages")) {
            messages.add(resolveMap(ref(message)));
        }
        return messages;
    }

    private static String constOf(Map<String, Object> payload, String field) {
        return (String) map(map(payload, "properties"), field).get("const");
    }

    private static Map<String, Object> resolveSchema(Map<String, Object> schema) {
        return schema.containsKey("$ref") ? resolveMap(ref(schema)) : schema;
    }

    /** Follows {@code $ref} chains (a channel's message may itself be a reference). */
    private static Map<String, Object> resolveMap(String ref) {
        Map<String, Object> target = map(Map.of("x", resolve(ref)), "x");
        return target.containsKey("$ref") ? resolveMap(ref(target)) : target;
    }

    private static Object resolve(String ref) {
        assertThat(ref).startsWith("#/");
        Object node = document;
        for (String part : ref.substring(2).split("/")) {
            node = ((Map<?, ?>) node).get(part);
            if (node == null) {
                throw new AssertionError("unresolved " + ref);
            }
        }
        return node;
    }

    private static String ref(Object reference) {
        return (String) map(Map.of("x", reference), "x").get("$ref");
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add((String) value);
                }
                else {
                    collectRefs(value, refs);
                }
            });
        }
        else if (node instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, refs));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

}
