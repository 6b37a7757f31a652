package com.agentnexus.aggregator.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.EventCodec;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ExecutionEventListenerTest {

    private static final String TOPIC = "agentnexus.execution.status";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<ExecutionEvent> handledByFirst = new ArrayList<>();
    private final List<ExecutionEvent> handledBySecond = new ArrayList<>();
    private final ExecutionEventListener listener =
            new ExecutionEventListener(List.of(handledByFirst::add, handledBySecond::add), registry);

    @Test
    void handsEveryDecodedEventToEveryHandler() {
        var pending = ExecutionFixture.anExecution().pending();

        listener.onRecord(record(pending.executionId().toString(), new EventCodec().encode(pending)));

        assertThat(handledByFirst).containsExactly(pending);
        assertThat(handledBySecond).containsExactly(pending);
        assertThat(registry.find(ExecutionEventListener.REJECTED).counter()).isNull();
    }

    @Test
    void skipsAndCountsARecordThatIsNotAnEvent() {
        listener.onRecord(record("k", "garbage"));
        listener.onRecord(record("k", "{\"v\":1,\"type\":\"metric\"}"));

        assertThat(handledByFirst).isEmpty();
        assertThat(registry.get(ExecutionEventListener.REJECTED).tag("topic", TOPIC).counter().count()).isEqualTo(2.0);
    }

    @Test
    void skipsAndCountsARecordWithoutValue() {
        listener.onRecord(record("k", null));

        assertThat(handledByFirst).isEmpty();
        assertThat(registry.get(ExecutionEventListener.REJECTED).counter().count()).isEqualTo(1.0);
    }

    private static ConsumerRecord<String, String> record(String key, String value) {
        return new ConsumerRecord<>(TOPIC, 0, 0L, key, value);
    }
}
