package com.agentnexus.aggregator.acceptance;

import com.agentnexus.aggregator.acceptance.PrometheusSamples.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes every live aggregator about every 200 ms, as Prometheus would, for the whole
 * run, and checks each sample of a persisted counter against the highest value that
 * series (full label set, whichever instance served it) has shown before: such a counter
 * resumes at its all-time total after a crash and never goes backwards. A
 * running-executions gauge must never show less than zero either.
 */
final class ScrapeRecorder implements AutoCloseable {

    private static final int KEPT_VIOLATIONS = 50;

    private final List<AggregatorProcess> targets;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "scrape-recorder");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, Double> highest = new HashMap<>();

    private final List<String> violations = new ArrayList<>();

    private int violationCount;

    private int scrapes;

    private long samples;

    private final List<String> unreadable = new ArrayList<>();

    private ScrapeRecorder(List<AggregatorProcess> targets) {
        this.targets = List.copyOf(targets);
    }

    static ScrapeRecorder start(List<AggregatorProcess> targets) {
        var recorder = new ScrapeRecorder(targets);
        recorder.scheduler.scheduleWithFixedDelay(recorder::scrapeAll, 0, 200, TimeUnit.MILLISECONDS);
        return recorder;
    }

    /**
     * Whether a series is one of the ledger's persisted counters (the omitted-series
     * count restarts at 0).
     */
    static boolean isPersistedCounter(String name) {
        return name.startsWith("agentnexus_") && !name.equals("agentnexus_aggregator_container_series_omitted_total")
                && (name.endsWith("_total") || name.endsWith("_count") || name.endsWith("_sum")
                        || name.endsWith("_bucket"));
    }

    private void scrapeAll() {
        for (AggregatorProcess target : targets) {
            target.scrape().ifPresent(body -> record(target.name(), body));
        }
    }

    private synchronized void record(String instance, String body) {
        PrometheusSamples parsed;
        try {
            parsed = PrometheusSamples.parse(body);
        }
        catch (RuntimeException e) {
            if (unreadable.size() < KEPT_VIOLATIONS) {
                unreadable.add(instance + ": " + e);
            }
            return;
        }
        scrapes++;
        for (Sample sample : parsed.samples()) {
            samples++;
            if (sample.name().equals(LedgerAssert.RUNNING) && sample.value() < 0) {
                violation("%s went below zero to %s (scrape #%d, from %s)".formatted(sample.series(), sample.value(),
                        scrapes, instance));
            }
            if (!isPersistedCounter(sample.name())) {
                continue;
            }
            double highestSoFar = highest.merge(sample.series(), sample.value(), Math::max);
            if (sample.value() < highestSoFar) {
                violation("%s went back from %s to %s (scrape #%d, from %s)".formatted(sample.series(), highestSoFar,
                        sample.value(), scrapes, instance));
            }
        }
    }

    private void violation(String description) {
        violationCount++;
        if (violations.size() < KEPT_VIOLATIONS) {
            violations.add(description);
        }
    }

    /** Stops scraping; the figures stay readable. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized int scrapes() {
        return scrapes;
    }

    synchronized long samples() {
        return samples;
    }

    synchronized int persistedSeries() {
        return highest.size();
    }

    synchronized int violationCount() {
        return violationCount;
    }

    /**
     * The first decreases (and negative gauges) seen, each naming the series, its value
     * and the instance.
     */
    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized List<String> unreadableScrapes() {
        return List.copyOf(unreadable);
    }

}
