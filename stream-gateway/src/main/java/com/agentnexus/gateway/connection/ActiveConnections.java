package com.agentnexus.gateway.connection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** The {@code agentnexus_active_websocket_connections} gauge: open WebSocket connections of this gateway. */
@Component
class ActiveConnections {

    private final AtomicInteger open = new AtomicInteger();

    ActiveConnections(MeterRegistry registry) {
        Gauge.builder("agentnexus.active.websocket.connections", open, AtomicInteger::get)
                .description("Open WebSocket connections of this gateway")
                .register(registry);
    }

    void opened() {
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    int count() {
        return open.get();
    }
}
