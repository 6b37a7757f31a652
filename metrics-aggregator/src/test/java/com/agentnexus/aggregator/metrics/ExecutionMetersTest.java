package com.agentnexus.aggregator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionStatus;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExecutionMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExecutionMeters meters = new ExecutionMeters(registry);

    @Test
    void countsAnExecutionOnceWhenItsPendingStatusArrives() {
        var run = ExecutionFixture.anExecution().ofAgent("demo-worker", "Demo worker", "1");
        feed(run.pending());
        feed(run.running());
        feed(run.stdout("hello"));
        feed(run.completed("{}"));

        assertThat(registry.get(ExecutionMeters.EXECUTIONS)
                .tag("agent_id", "demo-worker").tag("agent_name", "Demo worker").counter().count()).isEqualTo(1.0);
    }

    @Test
    void countsExecutionsPerAgent() {
        for (int i = 0; i < 3; i++) {
            feed(ExecutionFixture.anExecution().ofAgent("a", "Agent A", "1").pending());
        }
        feed(ExecutionFixture.anExecution().ofAgent("b", "Agent B", "1").pending());

        assertThat(registry.get(ExecutionMeters.EXECUTIONS).tag("agent_id", "a").counter().count()).isEqualTo(3.0);
        assertThat(registry.get(ExecutionMeters.EXECUTIONS).tag("agent_id", "b").counter().count()).isEqualTo(1.0);
    }

    @Test
    void neverLabelsByUserBecauseUsersAreUnbounded() {
        var run = ExecutionFixture.anExecution().ownedBy("alice");
        feed(run.pending());
        feed(run.completed("{}"));

        assertThat(registry.getMeters()).isNotEmpty().allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getKey().contains("user") || tag.getValue().equals("alice")));
    }

    @Test
    void countsEveryStatusEventUnderItsStatusAndAgent() {
        var done = ExecutionFixture.anExecution().ofAgent("w", "W", "1");
        feed(done.pending());
        feed(done.running());
        feed(done.completed("{}"));
        var failed = ExecutionFixture.anExecution().ofAgent("w", "W", "1");
        feed(failed.pending());
        feed(failed.running());
        feed(failed.failed(2));

        assertThat(statusCount("PENDING", "w")).isEqualTo(2.0);
        assertThat(statusCount("RUNNING", "w")).isEqualTo(2.0);
        assertThat(statusCount("COMPLETED", "w")).isEqualTo(1.0);
        assertThat(statusCount("FAILED", "w")).isEqualTo(1.0);
    }

    @Test
    void observesTheDurationOfATerminalStatusFromItsDurationMs() {
        var run = ExecutionFixture.anExecution().ofAgent("w", "W", "1");
        feed(run.pending());
        var timedOut = run.terminal(ExecutionStatus.TIMED_OUT, null, "timed out", null);
        meters.handle(timedOut);

        Timer timer = registry.get(ExecutionMeters.DURATION).tag("agent_id", "w").tag("status", "TIMED_OUT").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo((double) timedOut.durationMs());
    }

    @Test
    void observesNoDurationBeforeTheExecutionEnds() {
        var run = ExecutionFixture.anExecution();
        feed(run.pending());
        feed(run.running());

        assertThat(registry.find(ExecutionMeters.DURATION).timers()).isEmpty();
    }

    @Test
    void ignoresLogLinesAndResourceSamplesForNow() {
        var run = ExecutionFixture.anExecution();
        feed(run.stdout("x"));
        feed(run.resources(1024, 12.5));

        assertThat(registry.getMeters()).extracting(Meter::getId).isEmpty();
    }

    private void feed(ExecutionEvent event) {
        meters.handle(event);
    }

    private double statusCount(String status, String agentId) {
        return registry.get(ExecutionMeters.STATUS).tag("status", status).tag("agent_id", agentId).counter().count();
    }
}
