package com.agentnexus.support;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code meters} actuator endpoint: every {@code agentnexus_*} meter of this service
 * with its samples.
 */
@Endpoint(id = "meters")
class MetersEndpoint {

    static final String PREFIX = "agentnexus_";

    private final PrometheusRegistry registry;

    private final String application;

    MetersEndpoint(PrometheusRegistry registry, String application) {
        this.registry = registry;
        this.application = application;
    }

    // plain JSON rather than the actuator's vendor type: it is read by people and
    // scripts, not by Spring tooling
    @ReadOperation(produces = "application/json")
    MetersReport meters() {
        return MetersReport.of(application, registry.scrape(name -> name.startsWith(PREFIX)));
    }

}
