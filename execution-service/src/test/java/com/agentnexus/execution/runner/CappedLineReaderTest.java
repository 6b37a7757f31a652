package com.agentnexus.execution.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CappedLineReaderTest {

    @Test
    void splitsOnNewlinesAndDropsCarriageReturns() throws IOException {
        assertThat(lines("one\r\ntwo\n\nthree", 100)).containsExactly("one", "two", "", "three");
    }

    @Test
    void endsWithoutAnExtraEmptyLineAfterATrailingNewline() throws IOException {
        assertThat(lines("a\nb\n", 100)).containsExactly("a", "b");
        assertThat(lines("", 100)).isEmpty();
    }

    @Test
    void keepsOnlyTheFirstCharactersOfAnOverlongLineAndCarriesOn() throws IOException {
        String huge = "x".repeat(50_000);
        assertThat(lines(huge + "\nnext\n", 10)).containsExactly("x".repeat(10), "next");
    }

    private static List<String> lines(String text, int max) throws IOException {
        var reader = new CappedLineReader(new StringReader(text), max);
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }

}
