package com.agentnexus.gateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistoryProblemsTest {

    @Test
    void theInstanceIsThePathAsItCameAndStillAUriWhenItWasNone() {
        assertThat(HistoryProblems.instance("/api/executions/x%20y/events"))
            .hasToString("/api/executions/x%20y/events");
        assertThat(HistoryProblems.instance("/api/executions/a|b\"c/events"))
            .hasToString("/api/executions/a%7Cb%22c/events");
    }

}
