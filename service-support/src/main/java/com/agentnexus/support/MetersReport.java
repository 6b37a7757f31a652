package com.agentnexus.support;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBucket;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DistributionDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The body of {@code /metrics/json}: names, types and label names exactly as the
 * Prometheus text format writes them (counters with {@code _total}), so a query on either
 * reads the same series.
 */
record MetersReport(String application, List<Meter> meters) {

    /** One metric family. */
    record Meter(String name, String type, String help, List<Sample> samples) {
    }

    /** One labelled series of a meter; its shape depends on the meter's type. */
    sealed interface Sample {

        Map<String, String> labels();

    }

    /** A counter, gauge or untyped sample. */
    record ValueSample(Map<String, String> labels, double value) implements Sample {
    }

    /**
     * A histogram sample; bucket counts are cumulative, as in the text format,
     * {@code +Inf} last.
     */
    record HistogramSample(Map<String, String> labels, long count, double sum, List<Bucket> buckets) implements Sample {
    }

    record Bucket(String le, long count) {
    }

    /**
     * A summary sample (Micrometer's timers and distribution summaries without buckets).
     */
    record SummarySample(Map<String, String> labels, long count, double sum,
            List<QuantileValue> quantiles) implements Sample {
    }

    record QuantileValue(String quantile, double value) {
    }

    static MetersReport of(String application, MetricSnapshots snapshots) {
        List<Meter> meters = snapshots.stream()
            .map(MetersReport::meter)
            .flatMap(Optional::stream)
            .sorted(Comparator.comparing(Meter::name))
            .toList();
        return new MetersReport(application, meters);
    }

    private static Optional<Meter> meter(MetricSnapshot snapshot) {
        String name = snapshot.getMetadata().getPrometheusName();
        // the names, suffixes and types the text format writes for each kind of snapshot
        if (snapshot instanceof CounterSnapshot counter) {
            return Optional.of(meter(snapshot, name + "_total", "counter",
                    samples(counter.getDataPoints(), p -> new ValueSample(labels(p), p.getValue()))));
        }
        if (snapshot instanceof GaugeSnapshot gauge) {
            return Optional.of(meter(snapshot, name, "gauge",
                    samples(gauge.getDataPoints(), p -> new ValueSample(labels(p), p.getValue()))));
        }
        if (snapshot instanceof HistogramSnapshot histogram) {
            return Optional.of(meter(snapshot, name, "histogram",
                    samples(histogram.getDataPoints(), MetersReport::histogramSample)));
        }
        if (snapshot instanceof SummarySnapshot summary) {
            return Optional
                .of(meter(snapshot, name, "summary", samples(summary.getDataPoints(), MetersReport::summarySample)));
        }
        if (snapshot instanceof InfoSnapshot info) {
            return Optional.of(meter(snapshot, name + "_info", "info",
                    samples(info.getDataPoints(), p -> new ValueSample(labels(p), 1.0))));
        }
        if (snapshot instanceof UnknownSnapshot unknown) {
            return Optional.of(meter(snapshot, name, "unknown",
                    samples(unknown.getDataPoints(), p -> new ValueSample(labels(p), p.getValue()))));
        }
        // state sets: neither Micrometer nor our own collectors produce them
        return Optional.empty();
    }

    private static Meter meter(MetricSnapshot snapshot, String name, String type, List<Sample> samples) {
        String help = snapshot.getMetadata().getHelp();
        return new Meter(name, type, help == null ? "" : help, samples);
    }

    private static <P extends DataPointSnapshot> List<Sample> samples(List<P> points, Function<P, Sample> sample) {
        return points.stream().map(sample).toList();
    }

    private static HistogramSample histogramSample(HistogramSnapshot.HistogramDataPointSnapshot point) {
        // the model holds per-bucket counts; the text format (and this body) shows them
        // cumulative
        List<Bucket> buckets = new ArrayList<>();
        long cumulative = 0;
        for (ClassicHistogramBucket bucket : point.getClassicBuckets()) {
            cumulative += bucket.getCount();
            buckets.add(new Bucket(number(bucket.getUpperBound()), cumulative));
        }
        return new HistogramSample(labels(point), point.hasCount() ? point.getCount() : cumulative, sum(point),
                buckets);
    }

    private static SummarySample summarySample(SummarySnapshot.SummaryDataPointSnapshot point) {
        List<QuantileValue> quantiles = new ArrayList<>();
        for (Quantile quantile : point.getQuantiles()) {
            quantiles.add(new QuantileValue(number(quantile.getQuantile()), quantile.getValue()));
        }
        return new SummarySample(labels(point), point.getCount(), sum(point), quantiles);
    }

    private static double sum(DistributionDataPointSnapshot point) {
        return point.hasSum() ? point.getSum() : 0.0;
    }

    private static Map<String, String> labels(DataPointSnapshot point) {
        Labels labels = point.getLabels();
        Map<String, String> byName = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byName.put(labels.getPrometheusName(i), labels.getValue(i));
        }
        return byName;
    }

    /**
     * A bound as the text format writes it in {@code le} and {@code quantile}:
     * {@code 1.0}, {@code +Inf}.
     */
    private static String number(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        return Double.toString(value);
    }
}
