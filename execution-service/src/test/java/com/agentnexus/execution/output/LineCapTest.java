package com.agentnexus.execution.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineCapTest {

    private final LineCap cap = new LineCap(16 * 1024);

    @Test
    void leavesShortLinesAlone() {
        assertThat(cap.apply("hello")).isEqualTo("hello");
    }

    @Test
    void leavesALineOfExactlyTheLimitAlone() {
        String line = "a".repeat(16 * 1024);
        assertThat(cap.apply(line)).isEqualTo(line);
    }

    @Test
    void cutsLongLinesToTheLimitWithAVisibleMarker() {
        String capped = cap.apply("a".repeat(40_000));
        assertThat(capped).endsWith(LineCap.MARKER).startsWith("aaaa");
        assertThat(capped.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(16 * 1024);
        assertThat(capped.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(16 * 1024 - 20);
    }

    @Test
    void neverSplitsAMultiByteCharacter() {
        String capped = new LineCap(100).apply("é".repeat(60) + "😀".repeat(30));
        String kept = capped.substring(0, capped.length() - LineCap.MARKER.length());
        assertThat(kept).matches("é*");
        assertThat(capped.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(100);
        assertThat(new LineCap(100).apply("😀".repeat(40))).doesNotContain("\uFFFD").endsWith(LineCap.MARKER);
    }

}
