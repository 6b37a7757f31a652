package com.agentnexus.execution.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputCaptureTest {

    private final OutputCapture capture = new OutputCapture();

    @Test
    void hasNoOutputWhenNoLineIsAJsonObject() {
        capture.offer("hello");
        capture.offer("[1,2,3]");
        capture.offer("42");
        assertThat(capture.output()).isNull();
    }

    @Test
    void keepsTheLastLineThatParsesAsAnObjectInCompactForm() {
        capture.offer("{\"first\": 1}");
        capture.offer("  { \"result\" : \"ok\", \"n\": [1, 2] }  ");
        capture.offer("done");
        assertThat(capture.output()).isEqualTo("{\"result\":\"ok\",\"n\":[1,2]}");
    }

    @Test
    void ignoresLinesThatOnlyLookLikeObjects() {
        capture.offer("{\"ok\":true}");
        capture.offer("{not json}");
        capture.offer("{\"a\":1} {\"b\":2}");
        assertThat(capture.output()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void ignoresObjectsPostgresCannotStoreSoTheRowCanAlwaysBeRecorded() {
        capture.offer("{\"ok\":true}");
        capture.offer("{\"r\":\"\\u0000\"}");
        capture.offer("{\"\\u0000\":1}");
        assertThat(capture.output()).isEqualTo("{\"ok\":true}");
    }

}
