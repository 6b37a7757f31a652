package com.agentnexus.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusScrapeTest {

    private final PrometheusScrape scrape = PrometheusScrape.of("""
            # TYPE agentnexus_execution_status_total counter
            agentnexus_execution_status_total{agent_id="demo-worker",application="x",status="COMPLETED"} 3.0
            agentnexus_execution_status_total{agent_id="demo-worker",application="x",status="FAILED"} 1.0
            agentnexus_execution_status_total{agent_id="demo-slow",application="x",status="FAILED"} 2.0
            agentnexus_docker_healthy{application="x"} 1.0
            """);

    @Test
    void selectsSamplesByNameAndASubsetOfTheirLabels() {
        assertThat(scrape.samples("agentnexus_execution_status_total", Map.of("status", "FAILED")))
            .extracting(sample -> sample.labels().get("agent_id"))
            .containsExactly("demo-worker", "demo-slow");
        assertThat(scrape.samples("agentnexus_execution_status_total")).hasSize(3);
        assertThat(scrape.samples("agentnexus_execution")).isEmpty();
        assertThat(scrape.samples()).hasSize(4);
    }

    @Test
    void readsTheValueOfTheOneMatchingSample() {
        assertThat(scrape.value("agentnexus_execution_status_total",
                Map.of("agent_id", "demo-worker", "status", "COMPLETED")))
            .isEqualTo(3.0);
        assertThat(scrape.value("agentnexus_docker_healthy")).isEqualTo(1.0);
    }

    @Test
    void failsWhenNoneOrSeveralSamplesMatchAValue() {
        assertThatThrownBy(() -> scrape.value("agentnexus_execution_status_total", Map.of("status", "CANCELLED")))
            .isInstanceOf(AssertionError.class)
            .hasMessage("expected one sample agentnexus_execution_status_total{status=CANCELLED} but found 0");
        assertThatThrownBy(() -> scrape.value("agentnexus_execution_status_total", Map.of("status", "FAILED")))
            .isInstanceOf(AssertionError.class)
            .hasMessageStartingWith(
                    "expected one sample agentnexus_execution_status_total{status=FAILED} but found 2: ");
    }

    @Test
    void sumsTheMatchingSamplesAndCountsNoneAsZero() {
        assertThat(scrape.sum("agentnexus_execution_status_total")).isEqualTo(6.0);
        assertThat(scrape.sum("agentnexus_execution_status_total", Map.of("status", "FAILED"))).isEqualTo(3.0);
        assertThat(scrape.sum("agentnexus_missing")).isZero();
    }

}
