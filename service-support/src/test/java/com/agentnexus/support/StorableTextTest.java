package com.agentnexus.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void storesAnyTextButNulAndUnpairedSurrogates() {
        assertThat(StorableText.isStorable("plain \u0001 control, ünïcödé, emoji \ud83d\ude00")).isTrue();
        assertThat(StorableText.isStorable("")).isTrue();

        assertThat(StorableText.isStorable("a\u0000b")).isFalse();
        assertThat(StorableText.isStorable("lone high \ud83d")).isFalse();
        assertThat(StorableText.isStorable("\ud83d then no low")).isFalse();
        assertThat(StorableText.isStorable("lone low \ude00")).isFalse();
        assertThat(StorableText.isStorable("\ude00\ud83d")).isFalse();
    }

}
