package com.agentnexus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutionIdTest {

    @Test
    void readsItsCreationTimeFromTheFirst48Bits() {
        // 0x01890a5dac96 = 1688096058518
        ExecutionId id = ExecutionId.parse("01890a5d-ac96-7b3e-8f1c-2d4e5f6a7b8c");

        assertThat(id.createdAt()).isEqualTo(Instant.ofEpochMilli(1_688_096_058_518L));
    }

    @Test
    void readsTheCreationTimeOfAnyGeneratedId() {
        // 2100-01-01, well past any sign-bit trouble of the 48-bit field
        long createdAt = 4_102_444_800_000L;

        ExecutionId id = new ExecutionId(ExecutionFixture.uuidV7(createdAt));

        assertThat(id.createdAt().toEpochMilli()).isEqualTo(createdAt);
    }

    @Test
    void printsTheCanonicalLowerCaseFormSoItCanBeTheRecordKey() {
        String text = "01890a5d-ac96-7b3e-8f1c-2d4e5f6a7b8c";

        assertThat(ExecutionId.parse(text).toString()).isEqualTo(text);
        assertThat(ExecutionId.parse(text)).isEqualTo(ExecutionId.parse(text.toUpperCase()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "3f2504e0-4f89-41d3-9a0c-0305e82c3301", // v4
            "01890a5d-ac96-1b3e-8f1c-2d4e5f6a7b8c", // v1
            "00000000-0000-0000-0000-000000000000", // nil
    })
    void rejectsUuidsOfOtherVersions(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ExecutionId.parse(text)).withMessageContaining("UUIDv7");
    }

    @Test
    void rejectsARandomUuidGivenDirectly() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ExecutionId(UUID.randomUUID()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "exec-1", "01890a5dac967b3e8f1c2d4e5f6a7b8c", "1-1-7-8-1",
            "01890a5d-ac96-7b3e-8f1c-2d4e5f6a7b8c0", "+1890a5d-ac96-7b3e-8f1c-2d4e5f6a7b8c",
            "01890a5d-ac96-7b3e-8f1c-2d4e5f6a7b8g", })
    void rejectsTextThatIsNotACanonicalUuid(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ExecutionId.parse(text));
    }

    @Test
    void rejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> new ExecutionId(null));
    }

}
