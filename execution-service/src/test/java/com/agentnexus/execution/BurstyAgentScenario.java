package com.agentnexus.execution;

import org.junit.jupiter.api.Test;

/**
 * A bursty agent is slowed, never failed: the service stops reading its output while the
 * event buffer is full, and every one of its million lines arrives exactly once.
 * Subclasses choose the runner.
 */
abstract class BurstyAgentScenario extends MillionLineAgent {

    @Test
    void aMillionLinesAsFastAsTheAgentCanCompleteWithEveryLineExactlyOnce() throws Exception {
        assertCompleteCountingRun(runMillionLines());
    }

}
