package com.agentnexus.execution.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineAssemblerTest {

    private final List<String> lines = new ArrayList<>();

    private final LineAssembler assembler = new LineAssembler(16, lines::add);

    @Test
    void splitsAFrameHoldingSeveralLines() {
        assembler.accept(bytes("one\ntwo\nthree\n"));

        assertThat(lines).containsExactly("one", "two", "three");
    }

    @Test
    void joinsALineSpreadOverFrames() {
        assembler.accept(bytes("hel"));
        assembler.accept(bytes("lo wo"));
        assertThat(lines).isEmpty();
        assembler.accept(bytes("rld\nnext"));

        assertThat(lines).containsExactly("hello world");
    }

    @Test
    void decodesACharacterSplitAcrossFrames() {
        byte[] euro = bytes("€\n");
        assembler.accept(Arrays.copyOfRange(euro, 0, 2));
        assembler.accept(Arrays.copyOfRange(euro, 2, euro.length));

        assertThat(lines).containsExactly("€");
    }

    @Test
    void keepsOnlyTheFirstBytesOfAnOverlongLine() {
        assembler.accept(bytes("0123456789"));
        assembler.accept(bytes("abcdefghij\nshort\n"));

        assertThat(lines).containsExactly("0123456789abcdef", "short");
    }

    @Test
    void dropsCarriageReturnsAndKeepsEmptyLines() {
        assembler.accept(bytes("dos\r\n\nunix\n"));

        assertThat(lines).containsExactly("dos", "", "unix");
    }

    @Test
    void flushDeliversAnUnterminatedLastLineOnce() {
        assembler.accept(bytes("done\npartial"));
        assembler.flush();
        assembler.flush();

        assertThat(lines).containsExactly("done", "partial");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
