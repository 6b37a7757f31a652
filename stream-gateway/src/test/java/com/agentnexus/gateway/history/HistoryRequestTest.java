package com.agentnexus.gateway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentnexus.events.ExecutionFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryRequestTest {

    private final String id = ExecutionFixture.anExecution().executionId().toString();

    @Test
    void readsTheIdAndFromSeqZeroWhenAbsent() {
        HistoryRequest request = HistoryRequest.of(id, List.of());

        assertThat(request.executionId().toString()).isEqualTo(id);
        assertThat(request.fromSeq()).isZero();
        assertThat(HistoryRequest.of(id.toUpperCase(), List.of("0")).executionId().toString()).isEqualTo(id);
    }

    @Test
    void readsFromSeqUpToTheLargestThatCanBeResumedAfter() {
        assertThat(HistoryRequest.of(id, List.of("12")).fromSeq()).isEqualTo(12);
        assertThat(HistoryRequest.of(id, List.of("007")).fromSeq()).isEqualTo(7);
        assertThat(HistoryRequest.of(id, List.of(Long.toString(Long.MAX_VALUE - 1))).fromSeq())
            .isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void refusesAnIdThatIsNoCanonicalUuidV7() {
        for (String bad : List.of("", "not-a-uuid", "6f1c1a60-0d0f-4a0e-8c5b-6d1f2a3b4c5d", "+" + id.substring(1),
                id + "0", id.replace("-", ""))) {
            assertThatThrownBy(() -> HistoryRequest.of(bad, List.of())).as(bad)
                .isInstanceOf(HistoryRequest.Invalid.class)
                .hasMessage("the execution id must be a UUIDv7");
        }
    }

    @Test
    void refusesAFromSeqThatIsNoIntegerInRangeOrGivenTwice() {
        for (String bad : List.of("", "-1", "-0", "+5", " 5", "5 ", "1.0", "1e3", "abc", "0x10",
                Long.toString(Long.MAX_VALUE), "9223372036854775808", "99999999999999999999")) {
            assertThatThrownBy(() -> HistoryRequest.of(id, List.of(bad))).as(bad)
                .isInstanceOf(HistoryRequest.Invalid.class)
                .hasMessage(HistoryRequest.FROM_SEQ_RULE);
        }
        assertThatThrownBy(() -> HistoryRequest.of(id, List.of("1", "2"))).isInstanceOf(HistoryRequest.Invalid.class)
            .hasMessageContaining("once");
    }

}
