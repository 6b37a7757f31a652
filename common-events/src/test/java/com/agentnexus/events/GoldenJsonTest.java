package com.agentnexus.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the wire form of every event type: a change here breaks every consumer, so it must
 * be deliberate.
 */
class GoldenJsonTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final EventCodec codec = new EventCodec();

    static Stream<Arguments> goldenEvents() {
        return Stream.of(Arguments.of("log.json", GoldenEvents.LOG),
                Arguments.of("status-pending.json", GoldenEvents.PENDING),
                Arguments.of("status-completed.json", GoldenEvents.COMPLETED),
                Arguments.of("status-failed.json", GoldenEvents.FAILED),
                Arguments.of("resource.json", GoldenEvents.RESOURCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenEvents")
    void encodesEachEventTypeExactlyAsItsGoldenFile(String file, ExecutionEvent event) {
        JsonNode encoded = JSON.readTree(codec.encode(event));

        assertThat(encoded).isEqualTo(JSON.readTree(golden(file)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenEvents")
    void decodesEachGoldenFileToItsEvent(String file, ExecutionEvent event) {
        assertThat(codec.decode(golden(file))).isEqualTo(event);
    }

    private static String golden(String file) {
        try (InputStream in = GoldenJsonTest.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("golden file %s", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
