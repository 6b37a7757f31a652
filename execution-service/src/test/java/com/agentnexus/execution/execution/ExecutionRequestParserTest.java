package com.agentnexus.execution.execution;

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
    void rejectsInputAboveTheSizeLimit() {
        assertRejected("{\"agentId\":\"a\",\"input\":{\"k\":\"" + "x".repeat(100) + "\"}}",
                HttpStatus.CONTENT_TOO_LARGE, "exceeds 64 bytes");
    }

    private void assertRejected(String body, HttpStatus status, String detail) {
        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(ExecutionProblem.class, problem -> {
                    assertThat(problem.getStatusCode()).isEqualTo(status);
                    assertThat(problem.getBody().getDetail()).contains(detail);
                });
    }
}
