package com.agentnexus.aggregator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.ExecutionStatusChanged;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The names, labels and buckets Prometheus scrapes are fixed by DESIGN.md, dashboards and alerts rely on them. */
class ExecutionMetersPrometheusTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ExecutionMeters meters = new ExecutionMeters(registry);

    @Test
    void servesTheExecutionCounterUnderItsDesignName() {
        meters.handle(ExecutionFixture.anExecution().ofAgent("demo-worker", "Demo worker", "1").pending());

        assertThat(registry.scrape()).contains(
                "agentnexus_executions_total{agent_id=\"demo-worker\",agent_name=\"Demo worker\"} 1.0");
    }

    @Test
    void servesTheStatusCounterUnderItsDesignName() {
        var run = ExecutionFixture.anExecution().ofAgent("demo-worker", "Demo worker", "1");
        meters.handle(run.pending());
        meters.handle(run.running());

        assertThat(registry.scrape())
                .contains("agentnexus_execution_status_total{agent_id=\"demo-worker\",status=\"PENDING\"} 1.0")
                .contains("agentnexus_execution_status_total{agent_id=\"demo-worker\",status=\"RUNNING\"} 1.0");
    }

    @Test
    void servesTheDurationHistogramInSecondsWithExactlyTheDesignBuckets() {
        var run = ExecutionFixture.anExecution().ofAgent("demo-worker", "Demo worker", "1");
        var failed = run.terminal(ExecutionStatus.FAILED, null, "boom", 1);
        meters.handle(failed);

        String scrape = registry.scrape();

        assertThat(bucketBoundaries(scrape)).containsExactly("0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0",
                "30.0", "60.0", "120.0", "300.0", "+Inf");
        assertThat(scrape).contains("# TYPE agentnexus_execution_duration_seconds histogram")
                .contains("agentnexus_execution_duration_seconds_count{agent_id=\"demo-worker\",status=\"FAILED\"} 1")
                .contains("agentnexus_execution_duration_seconds_sum{agent_id=\"demo-worker\",status=\"FAILED\"} "
                        + (failed.durationMs() / 1000.0));
    }

    @Test
    void putsADurationInTheFirstBucketThatHoldsIt() {
        var run = ExecutionFixture.anExecution().ofAgent("w", "W", "1");
        // 2.2 s lands in le=2.5 and above, not in le=1.0
        meters.handle(new ExecutionStatusChanged(run.executionId(), run.agentId(), run.userId(), 1, 1L,
                ExecutionStatus.COMPLETED, "W", null, "{}", null, 0, 2_200L, 1L, "sha256:x"));
        String series = "agent_id=\"w\",status=\"COMPLETED\"";

        assertThat(registry.scrape())
                .contains("agentnexus_execution_duration_seconds_bucket{" + series + ",le=\"1.0\"} 0")
                .contains("agentnexus_execution_duration_seconds_bucket{" + series + ",le=\"2.5\"} 1")
                .contains("agentnexus_execution_duration_seconds_sum{" + series + "} 2.2");
    }

    private static List<String> bucketBoundaries(String scrape) {
        Matcher m = Pattern.compile("agentnexus_execution_duration_seconds_bucket\\{[^}]*le=\"([^\"]+)\"")
                .matcher(scrape);
        List<String> boundaries = new ArrayList<>();
        while (m.find()) {
            boundaries.add(m.group(1));
        }
        return boundaries;
    }
}
