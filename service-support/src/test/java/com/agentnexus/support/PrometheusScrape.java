package com.agentnexus.support;

import java.util.List;
import java.util.Map;

/**
 * One scrape of a Prometheus text exposition, read as a scraper reads it: samples by name
 * and by labels. A sample matches when it has the name and at least the given labels with
 * those values, whatever other labels it carries.
 *
 * <pre>{@code
 * var scrape = PrometheusScrape.of(text);
 * scrape.value("agentnexus_execution_status_total", Map.of("status", "COMPLETED"));
 * }</pre>
 */
public final class PrometheusScrape {

    private final List<ExpositionSample> samples;

    private PrometheusScrape(List<ExpositionSample> samples) {
        this.samples = samples;
    }

    /** Parses {@code exposition}; see {@link ExpositionSample#parse(String)}. */
    public static PrometheusScrape of(String exposition) {
        return new PrometheusScrape(ExpositionSample.parse(exposition));
    }

    /** Every sample, in the order written. */
    public List<ExpositionSample> samples() {
        return samples;
    }

    /**
     * The samples of {@code name} carrying every entry of {@code labels}, in the order
     * written.
     */
    public List<ExpositionSample> samples(String name, Map<String, String> labels) {
        return samples.stream()
            .filter(sample -> sample.name().equals(name))
            .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
            .toList();
    }

    /** The samples of {@code name}, whatever their labels. */
    public List<ExpositionSample> samples(String name) {
        return samples(name, Map.of());
    }

    /**
     * The value of the one sample of {@code name} carrying {@code labels}; fails unless
     * exactly one matches.
     */
    public double value(String name, Map<String, String> labels) {
        List<ExpositionSample> matching = samples(name, labels);
        if (matching.size() != 1) {
            throw new AssertionError("expected one sample " + name + labels + " but found " + matching.size()
                    + (matching.isEmpty() ? "" : ": " + matching));
        }
        return matching.get(0).value();
    }

    /**
     * The value of the one sample of {@code name}; fails unless exactly one has that
     * name.
     */
    public double value(String name) {
        return value(name, Map.of());
    }

    /**
     * The sum over the samples of {@code name} carrying {@code labels}; 0 when none does.
     */
    public double sum(String name, Map<String, String> labels) {
        return samples(name, labels).stream().mapToDouble(ExpositionSample::value).sum();
    }

    /** The sum over the samples of {@code name}; 0 when there is none. */
    public double sum(String name) {
        return sum(name, Map.of());
    }

}
