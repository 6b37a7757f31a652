package com.agentnexus.execution.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ExecutionRequestParserTest {

    private final ExecutionRequestParser parser = new ExecutionRequestParser(64);

    @Test
    void parsesAgentAndInput() {
        ExecutionRequest request = parser.parse("{\"agentId\":\"demo-worker\",\"input\":{\"q\": \"hi\"}}");
        assertThat(request.agentId().value()).isEqualTo("demo-worker");
        assertThat(request.inputJson()).isEqualTo("{\"q\":\"hi\"}");
    }

    @Test
    void defaultsAbsentOrNullInputToAnEmptyObject() {
        assertThat(parser.parse("{\"agentId\":\"a\"}").inputJson()).isEqualTo("{}");
        assertThat(parser.parse("{\"agentId\":\"a\",\"input\":null}").inputJson()).isEqualTo("{}");
    }

    @Test
    void rejectsMalformedJson() {
        assertRejected("{\"agentId\":", HttpStatus.BAD_REQUEST, "not valid JSON");
        assertRejected("{\"agentId\":\"a\"} trailing", HttpStatus.BAD_REQUEST, "not valid JSON");
        assertRejected(null, HttpStatus.BAD_REQUEST, "JSON object");
        assertRejected("[1]", HttpStatus.BAD_REQUEST, "JSON object");
    }

    @Test
    void rejectsMissingOrNonTextAgentId() {
        assertRejected("{\"input\":{}}", HttpStatus.BAD_REQUEST, "agentId");
        assertRejected("{\"agentId\":7}", HttpStatus.BAD_REQUEST, "agentId");
        assertRejected("{\"agentId\":\"  \"}", HttpStatus.BAD_REQUEST, "agentId");
    }

    @Test
    void rejectsInputThatIsNotAnObject() {
        assertRejected("{\"agentId\":\"a\",\"input\":[1]}", HttpStatus.BAD_REQUEST, "'input' must be a JSON object");
        assertRejected("{\"agentId\":\"a\",\"input\":\"x\"}", HttpStatus.BAD_REQUEST, "'input'");
    }

    @Test
    void rejectsTextPostgresCannotStoreNamingWhereItIs() {
        assertRejected("{\"agentId\":\"a\\u0000\"}", HttpStatus.BAD_REQUEST, "'agentId' contains a character");
        assertRejected("{\"agentId\":\"a\",\"input\":{\"k\":\"\\ud800\"}}", HttpStatus.BAD_REQUEST, "at /k.");
        assertRejected("{\"agentId\":\"a\",\"input\":{\"a/b\":[0,{\"c\":\"\\u0000\"}]}}", HttpStatus.BAD_REQUEST,
                "'input' contains a character that cannot be stored (NUL or an unpaired UTF-16 surrogate)"
                        + " at /a~1b/1/c.");
        assertRejected("{\"agentId\":\"a\",\"input\":{\"o\":{\"\\u0000\":1}}}", HttpStatus.BAD_REQUEST,
                "at /o (in a key).");
        assertThat(parser.parse("{\"agentId\":\"a\",\"input\":{\"e\":\"\\ud83d\\ude00\"}}").inputJson())
            .contains("\ud83d\ude00");
    }

    @Test
    void rejectsInputAboveTheSizeLimit() {
        assertRejected("{\"agentId\":\"a\",\"input\":{\"k\":\"" + "x".repeat(100) + "\"}}",
                HttpStatus.CONTENT_TOO_LARGE, "exceeds 64 bytes");
    }

    private void assertRejected(String body, HttpStatus status, String detail) {
        assertThatThrownBy(() -> parser.parse(body)).isInstanceOfSatisfying(ExecutionProblem.class, problem -> {
            assertThat(problem.getStatusCode()).isEqualTo(status);
            assertThat(problem.getBody().getDetail()).contains(detail);
        });
    }

}
