package com.agentnexus.events;

import java.util.List;

/**
 * Entry point for the domain assertions on execution events; import {@code assertThat}
 * statically next to AssertJ's own — the more specific overload wins for a list of
 * events.
 */
public final class EventAssertions {

    private EventAssertions() {
    }

    /** Assertions on the events of one execution, taken in the order given. */
    public static <E extends ExecutionEvent> ExecutionEventsAssert<E> assertThat(List<? extends E> events) {
        return new ExecutionEventsAssert<>(events);
    }

}
