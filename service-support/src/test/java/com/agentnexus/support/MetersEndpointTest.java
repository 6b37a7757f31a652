package com.agentnexus.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /metrics/json} against a real Micrometer Prometheus registry: the JSON is the
 * contract, so it is read back.
 */
class MetersEndpointTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrometheusRegistry prometheus = new PrometheusRegistry();

    private final PrometheusMeterRegistry micrometer = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, prometheus,
            Clock.SYSTEM);

    private final MetersEndpoint endpoint = new MetersEndpoint(prometheus, "test-service");

    @Test
    void showsACounterUnderItsExposedNameWithLabelsAndValue() {
        Counter.builder("agentnexus.executions")
            .description("Executions started")
            .tag("agent_id", "demo-worker")
            .register(micrometer)
            .increment(2);

        JsonNode body = body();

        assertThat(body.get("application").stringValue()).isEqualTo("test-service");
        JsonNode counter = meter(body, "agentnexus_executions_total");
        assertThat(counter.get("type").stringValue()).isEqualTo("counter");
        assertThat(counter.get("help").stringValue()).isEqualTo("Executions started");
        assertThat(counter.get("samples")).hasSize(1);
        JsonNode sample = counter.get("samples").get(0);
        assertThat(sample.get("labels").get("agent_id").stringValue()).isEqualTo("demo-worker");
        assertThat(sample.get("value").doubleValue()).isEqualTo(2.0);
    }

    @Test
    void showsAGaugeWithItsCurrentValue() {
        var open = new AtomicInteger(3);
        Gauge.builder("agentnexus.active.websocket.connections", open, AtomicInteger::get)
            .description("Open WebSocket connections")
            .register(micrometer);
        open.set(5);

        JsonNode gauge = meter(body(), "agentnexus_active_websocket_connections");

        assertThat(gauge.get("type").stringValue()).isEqualTo("gauge");
        assertThat(gauge.get("samples").get(0).get("labels").size()).isZero();
        assertThat(gauge.get("samples").get(0).get("value").doubleValue()).isEqualTo(5.0);
    }

    @Test
    void showsATimerWithServiceLevelBucketsAsACumulativeHistogramInSeconds() {
        var timer = Timer.builder("agentnexus.execution.duration")
            .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofSeconds(1))
            .tag("status", "COMPLETED")
            .register(micrometer);
        timer.record(Duration.ofMillis(50));
        timer.record(Duration.ofMillis(500));
        timer.record(Duration.ofSeconds(2));

        JsonNode histogram = meter(body(), "agentnexus_execution_duration_seconds");

        assertThat(histogram.get("type").stringValue()).isEqualTo("histogram");
        JsonNode sample = histogram.get("samples").get(0);
        assertThat(sample.get("labels").get("status").stringValue()).isEqualTo("COMPLETED");
        assertThat(sample.get("count").longValue()).isEqualTo(3);
        assertThat(sample.get("sum").doubleValue()).isEqualTo(2.55);
        assertThat(sample.has("value")).isFalse();
        assertThat(sample.get("buckets").valueStream().map(b -> b.get("le").stringValue() + "=" + b.get("count")))
            .containsExactly("0.1=1", "1.0=2", "+Inf=3");
    }

    @Test
    void listsOnlyAgentnexusMetersSortedByName() {
        Counter.builder("agentnexus.websocket.slow.closes").register(micrometer);
        Timer.builder("agentnexus.execution.duration").register(micrometer);
        Counter.builder("http.server.requests.total").register(micrometer).increment();
        Gauge.builder("jvm.threads.live", () -> 12).register(micrometer);

        assertThat(body().get("meters").valueStream().map(m -> m.get("name").stringValue())).containsExactly(
                "agentnexus_execution_duration_seconds", "agentnexus_execution_duration_seconds_max",
                "agentnexus_websocket_slow_closes_total");
    }

    @Test
    void includesCollectorsRegisteredBesideMicrometer() {
        prometheus.register(new MultiCollector() {
            @Override
            public MetricSnapshots collect() {
                return MetricSnapshots.of(GaugeSnapshot.builder()
                    .name("agentnexus_revenue_wei")
                    .help("Revenue")
                    .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("agent_id", "demo-worker"))
                        .value(7)
                        .build())
                    .build());
            }

            @Override
            public List<String> getPrometheusNames() {
                return List.of("agentnexus_revenue_wei");
            }
        });

        JsonNode gauge = meter(body(), "agentnexus_revenue_wei");

        assertThat(gauge.get("help").stringValue()).isEqualTo("Revenue");
        assertThat(gauge.get("samples").get(0).get("value").doubleValue()).isEqualTo(7.0);
    }

    private JsonNode body() {
        return JSON.readTree(JSON.writeValueAsString(endpoint.meters()));
    }

    private static JsonNode meter(JsonNode body, String name) {
        List<JsonNode> named = body.get("meters")
            .valueStream()
            .filter(meter -> meter.get("name").stringValue().equals(name))
            .toList();
        assertThat(named).as("meters named " + name + " in " + body).hasSize(1);
        return named.get(0);
    }

}
