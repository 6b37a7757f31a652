package com.agentnexus.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogChecksumTest {

    @Test
    void ofNoLinesIsTheSha256OfNothing() {
        assertThat(new LogChecksum().value())
            .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void hashesEachLineFollowedByANewline() {
        // printf 'abc\n' | sha256sum
        assertThat(new LogChecksum().update("abc").value())
            .isEqualTo("sha256:edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb");
    }

    @Test
    void hashesLinesAsUtf8() {
        // printf 'h\xc3\xa9llo \xe2\x98\x83\n' | sha256sum
        assertThat(new LogChecksum().update("h\u00e9llo \u2603").value())
            .isEqualTo("sha256:ebae8c0444b0cbae7ae2d1478c24c7d4975275967e8c6a8e384f482b3e437453");
    }

    @Test
    void readingTheValueKeepsTheStateSoMoreLinesMayFollow() {
        LogChecksum incremental = new LogChecksum().update("hello");
        String afterFirst = incremental.value();
        incremental.update("world");

        assertThat(afterFirst).isEqualTo(new LogChecksum().update("hello").value());
        // printf 'hello\nworld\n' | sha256sum
        assertThat(incremental.value())
            .isEqualTo("sha256:4a1e67f2fe1d1cc7b31d0ca2ec441da4778203a036a77da10344c85e24ff0f92")
            .isEqualTo(incremental.value());
    }

    @Test
    void dependsOnLineOrderAndLineBoundaries() {
        String ab = new LogChecksum().update("a").update("b").value();

        assertThat(ab).isNotEqualTo(new LogChecksum().update("b").update("a").value());
        assertThat(ab).isNotEqualTo(new LogChecksum().update("ab").value());
    }

}
