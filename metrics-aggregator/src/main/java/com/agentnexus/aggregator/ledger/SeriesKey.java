package com.agentnexus.aggregator.ledger;

import java.util.List;
import java.util.Objects;

/** One series of a {@link Metric}: its label values, in the order of {@link Metric#labelNames()}. */
public record SeriesKey(Metric metric, List<String> labelValues) {

    public SeriesKey {
        Objects.requireNonNull(metric, "metric");
        labelValues = List.copyOf(labelValues);
        if (labelValues.size() != metric.labelNames().size()) {
            throw new IllegalArgumentException(metric + " takes " + metric.labelNames().size() + " label values");
        }
    }

    static SeriesKey of(Metric metric, String... labelValues) {
        return new SeriesKey(metric, List.of(labelValues));
    }

    public String label(int index) {
        return labelValues.get(index);
    }
}
