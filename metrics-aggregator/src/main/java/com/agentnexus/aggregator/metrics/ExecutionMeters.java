package com.agentnexus.aggregator.metrics;

import com.agentnexus.aggregator.ExecutionEventHandler;
import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import com.agentnexus.events.LogLineEmitted;
import com.agentnexus.events.ResourcesSampled;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The execution counters and the duration histogram of DESIGN.md, driven by status events. The Prometheus names
 * are fixed by DESIGN.md; Micrometer derives them from the dotted names here ({@code _total}, {@code _seconds}).
 * No user_id label anywhere: users are unbounded, agents are not.
 */
@Component
public class ExecutionMeters implements ExecutionEventHandler {

    static final String EXECUTIONS = "agentnexus.executions";
    static final String STATUS = "agentnexus.execution.status";
    static final String DURATION = "agentnexus.execution.duration";

    /** Fixed buckets 0.1 … 300 s, so dashboards and alerts can rely on the same boundaries everywhere. */
    static final Duration[] DURATION_BUCKETS = {
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(300),
    };

    private final MeterRegistry registry;

    public ExecutionMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(ExecutionEvent event) {
        event.accept(new ExecutionEvent.Visitor<Void>() {
            @Override
            public Void log(LogLineEmitted log) {
                return null;
            }

            @Override
            public Void status(ExecutionStatusChanged status) {
                onStatus(status);
                return null;
            }

            @Override
            public Void resources(ResourcesSampled resources) {
                // container gauges come with a later issue
                return null;
            }
        });
    }

    private void onStatus(ExecutionStatusChanged event) {
        String agentId = event.agentId().value();
        String status = event.status().name();
        if (event.status() == ExecutionStatus.PENDING) {
            Counter.builder(EXECUTIONS)
                    .description("Executions started, per agent")
                    .tag("agent_id", agentId)
                    .tag("agent_name", event.agentName())
                    .register(registry)
                    .increment();
        }
        Counter.builder(STATUS)
                .description("Status changes of executions, per status and agent")
                .tag("status", status)
                .tag("agent_id", agentId)
                .register(registry)
                .increment();
        Long durationMs = event.durationMs();
        if (event.isTerminal() && durationMs != null) {
            Timer.builder(DURATION)
                    .description("Wall time of finished executions, per agent and terminal status")
                    .tag("agent_id", agentId)
                    .tag("status", status)
                    .serviceLevelObjectives(DURATION_BUCKETS)
                    .register(registry)
                    .record(Duration.ofMillis(durationMs));
        }
    }
}
