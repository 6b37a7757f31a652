package com.agentnexus.aggregator.acceptance;

import com.agentnexus.support.ExpositionSample;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The samples of one or more Prometheus text-format scrapes, each keyed by metric name
 * and full label set. Sums over the labels a query leaves out, which is how per-partition
 * and per-instance series add up to totals.
 */
final class PrometheusSamples {

    /** One line of a scrape. */
    record Sample(String name, SortedMap<String, String> labels, double value) {

        /** Name and full label set: the identity of a series. */
        String series() {
            return name + labels;
        }

        String label(String label) {
            return labels.getOrDefault(label, "");
        }
    }

    private final List<Sample> samples;

    private PrometheusSamples(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    static PrometheusSamples parse(String scrape) {
        List<Sample> samples = new ArrayList<>();
        for (ExpositionSample sample : ExpositionSample.parse(scrape)) {
            samples.add(new Sample(sample.name(), Collections.unmodifiableSortedMap(new TreeMap<>(sample.labels())),
                    sample.value()));
        }
        return new PrometheusSamples(samples);
    }

    /** The samples of several instances together, as Prometheus sums them. */
    static PrometheusSamples combine(Collection<PrometheusSamples> scrapes) {
        return new PrometheusSamples(scrapes.stream().flatMap(s -> s.samples.stream()).toList());
    }

    List<Sample> samples() {
        return samples;
    }

    Stream<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name));
    }

    /** The sum of every sample of {@code name}. */
    double sum(String name) {
        return named(name).mapToDouble(Sample::value).sum();
    }

    /**
     * The samples of {@code name} summed by the values of {@code labels}, in that order,
     * over every other label; a label a sample lacks counts as "".
     */
    Map<List<String>, Double> sumBy(String name, String... labels) {
        Map<List<String>, Double> sums = new HashMap<>();
        named(name).forEach(sample -> {
            List<String> key = Stream.of(labels).map(sample::label).toList();
            sums.merge(key, sample.value(), Double::sum);
        });
        return sums;
    }

}
