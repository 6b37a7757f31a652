package com.agentnexus.support;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes what Spring, Kafka and Micrometer's JVM binders register pass Prometheus' linter
 * (promlint, run by {@code promtool check metrics}), so a lint failure always points at a
 * real mistake. Our own {@code agentnexus.*} meters are left alone: they are named right
 * where they are made, and the lint test catches them if not.
 *
 * <ul>
 * <li>A meter without a description gets its own name as HELP.</li>
 * <li>A gauge named {@code ….count} (reserved for histograms and summaries) is named for
 * what it counts instead: {@code system.cpu.count} becomes {@code system_cpus}.</li>
 * <li>A meter in abbreviated units ({@code jvm.compilation.time} in ms,
 * {@code process.cpu.time} and Kafka's {@code *-time-ns-*} in ns) is dropped: a filter
 * can rename it but not rescale its values to seconds.</li>
 * </ul>
 */
final class PromlintFilter implements MeterFilter {

    // promlint's list of abbreviated units, none of which may be a token of a name
    private static final Set<String> ABBREVIATED_UNITS = Set.of("s", "ms", "us", "ns", "sec", "b", "kb", "mb", "gb",
            "tb", "pb", "m", "h", "d");

    private static final String OURS = "agentnexus.";

    @Override
    public Meter.Id map(Meter.Id id) {
        if (ours(id)) {
            return id;
        }
        Meter.Id mapped = id;
        if (id.getType() == Meter.Type.GAUGE && id.getName().endsWith(".count")) {
            mapped = mapped.withName(plural(id.getName().substring(0, id.getName().length() - ".count".length())));
        }
        if (mapped.getDescription() == null || mapped.getDescription().isBlank()) {
            mapped = new Meter.Id(mapped.getName(), Tags.of(mapped.getTagsAsIterable()), mapped.getBaseUnit(),
                    id.getName(), mapped.getType());
        }
        return mapped;
    }

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        if (ours(id)) {
            return MeterFilterReply.NEUTRAL;
        }
        boolean abbreviated = tokens(id.getName()).stream().anyMatch(ABBREVIATED_UNITS::contains)
                || (id.getBaseUnit() != null && ABBREVIATED_UNITS.contains(id.getBaseUnit().toLowerCase(Locale.ROOT)));
        return abbreviated ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    private static boolean ours(Meter.Id id) {
        return id.getName().startsWith(OURS);
    }

    private static List<String> tokens(String name) {
        return Arrays.asList(name.toLowerCase(Locale.ROOT).split("[._-]"));
    }

    private static String plural(String name) {
        return name.endsWith("s") ? name : name + "s";
    }

}
