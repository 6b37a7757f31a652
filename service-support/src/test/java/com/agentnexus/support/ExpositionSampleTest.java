package com.agentnexus.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpositionSampleTest {

    @Test
    void readsNamesLabelsAndValuesAndSkipsComments() {
        List<ExpositionSample> samples = ExpositionSample.parse("""
                # HELP agentnexus_executions_total Executions started
                # TYPE agentnexus_executions_total counter
                agentnexus_executions_total{agent_id="demo-worker",application="aggregator"} 3.0

                process_uptime_seconds 12.5 1700000000000
                agentnexus_execution_duration_seconds_bucket{le="+Inf"} 4
                """);

        assertThat(samples).containsExactly(
                new ExpositionSample("agentnexus_executions_total",
                        Map.of("agent_id", "demo-worker", "application", "aggregator"), 3.0),
                new ExpositionSample("process_uptime_seconds", Map.of(), 12.5),
                new ExpositionSample("agentnexus_execution_duration_seconds_bucket", Map.of("le", "+Inf"), 4));
    }

    @Test
    void unescapesLabelValuesAndReadsSpecialValues() {
        List<ExpositionSample> samples = ExpositionSample.parse("""
                a{path="C:\\\\tmp",quote="say \\"hi\\", {x}",nl="1\\n2"} NaN
                b -Inf
                """);

        assertThat(samples.get(0).labels()).containsExactly(Map.entry("path", "C:\\tmp"),
                Map.entry("quote", "say \"hi\", {x}"), Map.entry("nl", "1\n2"));
        assertThat(samples.get(0).value()).isNaN();
        assertThat(samples.get(1).value()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void readsWhatMicrometerWrites() {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("agentnexus.executions").tag("agent_name", "Demo \"worker\"").register(registry).increment();

        assertThat(ExpositionSample.parse(registry.scrape())).containsExactly(
                new ExpositionSample("agentnexus_executions_total", Map.of("agent_name", "Demo \"worker\""), 1.0));
    }

    @Test
    void rejectsAnUnterminatedLabelValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> ExpositionSample.parse("a{b=\"c} 1"))
            .withMessageContaining("a{b=\"c} 1");
    }

}
