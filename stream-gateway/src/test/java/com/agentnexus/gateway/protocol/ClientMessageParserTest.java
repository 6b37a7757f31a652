package com.agentnexus.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionId;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientMessageParserTest {

    private final ClientMessageParser parser = new ClientMessageParser();

    private final ExecutionId id = ExecutionFixture.anExecution().executionId();

    @Test
    void parsesASubscribeFromTheBeginning() {
        assertThat(parser.parse("{\"type\":\"subscribe\",\"executionId\":\"" + id + "\"}"))
            .isEqualTo(new ClientMessage.Subscribe(id, 0));
    }

    @Test
    void parsesASubscribeThatResumes() {
        assertThat(parser.parse("{\"type\":\"subscribe\",\"executionId\":\"" + id + "\",\"fromSeq\":12}"))
            .isEqualTo(new ClientMessage.Subscribe(id, 12));
    }

    @Test
    void parsesUnsubscribeAndPing() {
        assertThat(parser.parse("{\"type\":\"unsubscribe\",\"executionId\":\"" + id + "\"}"))
            .isEqualTo(new ClientMessage.Unsubscribe(id));
        assertThat(parser.parse("{\"type\":\"ping\"}")).isEqualTo(new ClientMessage.Ping());
    }

    @ParameterizedTest
    @ValueSource(strings = { "not json", "{\"type\":", "[1,2]", "\"ping\"", "42", "" })
    void rejectsWhatIsNotAJsonObject(String frame) {
        assertViolation(frame, ErrorCode.INVALID_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"type\":7}", "{\"type\":\"hello\"}", "{\"type\":\"SUBSCRIBE\"}" })
    void rejectsAMissingOrUnknownType(String frame) {
        assertViolation(frame, ErrorCode.UNKNOWN_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"type\":\"subscribe\"}", "{\"type\":\"subscribe\",\"executionId\":42}",
            "{\"type\":\"subscribe\",\"executionId\":\"nope\"}",
            // a valid UUID, but version 4: ids are UUIDv7 so replay can seek by their
            // time
            "{\"type\":\"subscribe\",\"executionId\":\"1b4e28ba-2fa1-41d2-883f-0016d3cca427\"}",
            "{\"type\":\"unsubscribe\"}" })
    void rejectsAMissingOrInvalidExecutionId(String frame) {
        assertViolation(frame, ErrorCode.INVALID_EXECUTION_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = { "-1", "1.5", "\"3\"", "true", "99999999999999999999999", "9223372036854775807" })
    void rejectsAnInvalidFromSeqNamingTheExecution(String fromSeq) {
        String frame = "{\"type\":\"subscribe\",\"executionId\":\"" + id + "\",\"fromSeq\":" + fromSeq + "}";

        assertThatThrownBy(() -> parser.parse(frame))
            .asInstanceOf(InstanceOfAssertFactories.type(ProtocolViolation.class))
            .satisfies(violation -> {
                assertThat(violation.code()).isEqualTo(ErrorCode.INVALID_FROM_SEQ);
                assertThat(violation.executionId()).isEqualTo(id);
            });
    }

    private void assertViolation(String frame, ErrorCode code) {
        assertThatThrownBy(() -> parser.parse(frame)).isInstanceOfSatisfying(ProtocolViolation.class,
                violation -> assertThat(violation.code()).isEqualTo(code));
    }

}
