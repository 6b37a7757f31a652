package com.agentnexus.gateway.history;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The NDJSON history responses this gateway is streaming: the
 * {@code agentnexus_gateway_history_streams} gauge, the count of responses it ended early
 * and why, and a shutdown that ends every one of them (the clients resume with fromSeq,
 * from any gateway). It stops before the web server's graceful shutdown, which would
 * otherwise wait for a running execution's response to end by itself.
 */
@Component
class OpenHistories implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OpenHistories.class);

    private final Set<HistoryStream> open = ConcurrentHashMap.newKeySet();

    private final Map<HistoryStream.Cut, Counter> cuts = new EnumMap<>(HistoryStream.Cut.class);

    private volatile boolean running;

    // refusing only once stopping: this bean starts after the web server, which already
    // takes requests
    private volatile boolean stopping;

    OpenHistories(MeterRegistry registry) {
        Gauge.builder("agentnexus.gateway.history.streams", open, Set::size)
            .description("NDJSON history responses this gateway is streaming now")
            .register(registry);
        for (HistoryStream.Cut reason : HistoryStream.Cut.values()) {
            cuts.put(reason,
                    Counter.builder("agentnexus.gateway.history.cut")
                        .description("NDJSON history responses ended before the terminal status, by reason: the reader "
                                + "fell a whole queue behind live events, took nothing for the grace, or the gateway "
                                + "shut down")
                        .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                        .register(registry));
        }
    }

    /** Registers a new response; false once shutdown has begun. */
    boolean open(HistoryStream stream) {
        open.add(stream);
        if (stopping) {
            open.remove(stream);
            return false;
        }
        return true;
    }

    void closed(HistoryStream stream) {
        open.remove(stream);
    }

    void cut(HistoryStream stream, HistoryStream.Cut reason) {
        cuts.get(reason).increment();
        if (reason != HistoryStream.Cut.SHUTDOWN) {
            log.info("Ending the NDJSON history of execution {} early: its reader is too slow ({} lines waiting)",
                    stream.executionId(), stream.queued());
        }
    }

    int count() {
        return open.size();
    }

    @Override
    public void start() {
        stopping = false;
        running = true;
    }

    @Override
    public void stop() {
        stopping = true;
        running = false;
        List<HistoryStream> streams = List.copyOf(open);
        if (!streams.isEmpty()) {
            log.info("Ending {} NDJSON history response(s): shutting down", streams.size());
            streams.forEach(stream -> stream.cut(HistoryStream.Cut.SHUTDOWN));
        }
    }

    /**
     * Stops among the first (the default, highest phase): before the web server's
     * graceful shutdown, which waits for open responses.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

}
