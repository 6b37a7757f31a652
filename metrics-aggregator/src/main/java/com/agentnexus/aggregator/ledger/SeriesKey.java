package com.agentnexus.aggregator.ledger;

import java.util.List;
import java.util.Objects;

/**
 * One series of a {@link Metric}: its label values, in the order of
 * {@link Metric#labelNames()}. Used as a map key for every applied event, so its hash is
 * computed once.
 */
public final class SeriesKey {

    private final Metric metric;

    private final List<String> labelValues;

    private final int hash;

    public SeriesKey(Metric metric, List<String> labelValues) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.labelValues = List.copyOf(labelValues);
        if (this.labelValues.size() != metric.labelNames().size()) {
            throw new IllegalArgumentException(metric + " takes " + metric.labelNames().size() + " label values");
        }
        this.hash = 31 * metric.ordinal() + this.labelValues.hashCode();
    }

    static SeriesKey of(Metric metric, String... labelValues) {
        return new SeriesKey(metric, List.of(labelValues));
    }

    public Metric metric() {
        return metric;
    }

    public List<String> labelValues() {
        return labelValues;
    }

    public String label(int index) {
        return labelValues.get(index);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SeriesKey key && hash == key.hash && metric == key.metric
                && labelValues.equals(key.labelValues);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return metric + labelValues.toString();
    }

}
