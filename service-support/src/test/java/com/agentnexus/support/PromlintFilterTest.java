package com.agentnexus.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The framework meters promtool complained about, registered as their binders do, and
 * what /metrics then shows.
 */
class PromlintFilterTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    PromlintFilterTest() {
        registry.config().meterFilter(new PromlintFilter());
    }

    @Test
    void aMeterWithoutDescriptionGetsItsNameAsHelp() {
        Timer.builder("http.server.requests").tag("uri", "/health").register(registry).record(Duration.ofMillis(5));

        assertThat(registry.scrape()).contains("# HELP http_server_requests_seconds http.server.requests\n")
            .contains("# HELP http_server_requests_seconds_max http.server.requests\n")
            .contains("http_server_requests_seconds_count{uri=\"/health\"} 1");
    }

    @Test
    void aDescriptionIsKept() {
        Gauge.builder("jvm.threads.live", () -> 12)
            .description("The current number of live threads")
            .register(registry);

        assertThat(registry.scrape()).contains("# HELP jvm_threads_live The current number of live threads\n");
    }

    @Test
    void aGaugeNamedCountIsNamedForWhatItCounts() {
        Gauge.builder("system.cpu.count", () -> 4).description("The number of processors").register(registry);
        Gauge.builder("kafka.consumer.connection.count", () -> 2).register(registry);

        assertThat(ExpositionSample.parse(registry.scrape())).extracting(ExpositionSample::name)
            .containsExactlyInAnyOrder("system_cpus", "kafka_consumer_connections");
    }

    @Test
    void metersInAbbreviatedUnitsAreDropped() {
        FunctionCounter.builder("jvm.compilation.time", this, any -> 120).baseUnit("ms").register(registry);
        FunctionCounter.builder("process.cpu.time", this, any -> 9e9).baseUnit("ns").register(registry);
        FunctionCounter.builder("kafka.consumer.io.time.ns.total", this, any -> 1e6).register(registry);
        Gauge.builder("kafka.app.info.start.time.ms", () -> 1.7e12).register(registry);
        Gauge.builder("jvm.memory.used", () -> 1024).baseUnit("bytes").register(registry);

        assertThat(ExpositionSample.parse(registry.scrape())).extracting(ExpositionSample::name)
            .containsExactly("jvm_memory_used_bytes");
    }

    @Test
    void leavesOurOwnMetersAlone() {
        Gauge.builder("agentnexus.things.count", () -> 1).register(registry);

        assertThat(registry.scrape()).contains("agentnexus_things_count 1")
            .doesNotContain("# HELP agentnexus_things_count agentnexus");
    }

}
