package com.agentnexus.aggregator.metrics;

import com.agentnexus.aggregator.ConsumerLag;
import com.agentnexus.aggregator.Position;
import com.agentnexus.aggregator.ledger.AgentRef;
import com.agentnexus.aggregator.ledger.ContainerSeries;
import com.agentnexus.aggregator.ledger.DurationBuckets;
import com.agentnexus.aggregator.ledger.Ledger;
import com.agentnexus.aggregator.ledger.Metric;
import com.agentnexus.aggregator.ledger.PartitionLedger;
import com.agentnexus.aggregator.ledger.SeriesKey;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exports the ledger at scrape time. Counters are the ledger's all-time totals, so after
 * a restart they resume where they were and never go backwards. Ledger series carry a
 * {@code partition} label: an instance exports only the partitions it owns, so summing
 * over instances gives the exact totals whichever instance owns what.
 */
final class LedgerCollector implements MultiCollector {

    private static final double[] BOUNDS = DurationBuckets.upperBoundsSeconds();

    private final Ledger ledger;

    private final ConsumerLag lag;

    private final String application;

    LedgerCollector(Ledger ledger, ConsumerLag lag, String application) {
        this.ledger = ledger;
        this.lag = lag;
        this.application = application;
    }

    @Override
    public MetricSnapshots collect() {
        List<PartitionLedger> partitions = new ArrayList<>(ledger.partitions());
        List<MetricSnapshot> snapshots = new ArrayList<>();
        addCounter(snapshots, partitions, Metric.EXECUTIONS, "agentnexus_executions",
                "Executions started (their PENDING status), per agent and partition");
        addCounter(snapshots, partitions, Metric.STATUS, "agentnexus_execution_status",
                "Status events applied, per status, agent and partition");
        addDurations(snapshots, partitions);
        addCounter(snapshots, partitions, Metric.REVENUE_WEI, "agentnexus_agent_revenue_wei",
                "Wei earned from COMPLETED executions (float view; /api/revenue has the exact total)");
        addCounter(snapshots, partitions, Metric.REJECTED, "agentnexus_aggregator_rejected_events",
                "Records on the event topics that were not valid events and were skipped");
        addCounter(snapshots, partitions, Metric.DUPLICATES, "agentnexus_aggregator_duplicate_events",
                "Status events skipped because their execution had already applied that seq");
        addRunning(snapshots, partitions);
        addContainers(snapshots);
        addLag(snapshots);
        return new MetricSnapshots(snapshots);
    }

    private void addCounter(List<MetricSnapshot> snapshots, List<PartitionLedger> partitions, Metric metric,
            String name, String help) {
        var counter = CounterSnapshot.builder().name(name).help(help);
        boolean any = false;
        for (PartitionLedger partition : partitions) {
            for (Map.Entry<SeriesKey, BigInteger> total : partition.totals().entrySet()) {
                if (total.getKey().metric() == metric) {
                    counter.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                        .labels(labels(partition.partition(), metric.labelNames(), total.getKey().labelValues()))
                        .value(total.getValue().doubleValue())
                        .build());
                    any = true;
                }
            }
        }
        if (any) {
            snapshots.add(counter.build());
        }
    }

    private void addDurations(List<MetricSnapshot> snapshots, List<PartitionLedger> partitions) {
        var histogram = HistogramSnapshot.builder()
            .name("agentnexus_execution_duration_seconds")
            .help("Wall time of finished executions, per agent, terminal status and partition")
            .unit(Unit.SECONDS);
        boolean any = false;
        for (PartitionLedger partition : partitions) {
            // (agent_id, status) → non-cumulative bucket counts and the sum in ms
            Map<List<String>, long[]> buckets = new TreeMap<>(LedgerCollector::compareLists);
            Map<List<String>, BigInteger> sums = new TreeMap<>(LedgerCollector::compareLists);
            partition.totals().forEach((key, value) -> {
                if (key.metric() == Metric.DURATION_BUCKET) {
                    int bucket = Integer.parseInt(key.label(2));
                    buckets.computeIfAbsent(List.of(key.label(0), key.label(1)),
                            k -> new long[DurationBuckets.count()])[bucket] = value.longValue();
                }
                else if (key.metric() == Metric.DURATION_SUM_MS) {
                    sums.put(key.labelValues(), value);
                }
            });
            for (Map.Entry<List<String>, long[]> series : buckets.entrySet()) {
                BigInteger sumMs = sums.getOrDefault(series.getKey(), BigInteger.ZERO);
                histogram.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                    .labels(labels(partition.partition(), List.of("agent_id", "status"), series.getKey()))
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(BOUNDS, series.getValue()))
                    .sum(sumMs.doubleValue() / 1000.0)
                    .build());
                any = true;
            }
        }
        if (any) {
            snapshots.add(histogram.build());
        }
    }

    private void addRunning(List<MetricSnapshot> snapshots, List<PartitionLedger> partitions) {
        var gauge = GaugeSnapshot.builder()
            .name("agentnexus_agent_running_executions")
            .help("Executions running now, per agent and partition: +1 on RUNNING, -1 on its terminal status");
        boolean any = false;
        for (PartitionLedger partition : partitions) {
            for (Map.Entry<AgentRef, Long> running : partition.running().entrySet()) {
                gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(labels(partition.partition(), List.of("agent_id", "agent_name"),
                            List.of(running.getKey().agentId(), running.getKey().agentName())))
                    .value(running.getValue())
                    .build());
                any = true;
            }
        }
        if (any) {
            snapshots.add(gauge.build());
        }
    }

    private void addContainers(List<MetricSnapshot> snapshots) {
        ContainerSeries containers = ledger.containers();
        List<ContainerSeries.Sample> samples = containers.samples();
        if (!samples.isEmpty()) {
            var memory = GaugeSnapshot.builder()
                .name("agentnexus_container_memory_bytes")
                .unit(Unit.BYTES)
                .help("Memory of a running execution's container or process, from its latest sample");
            var cpu = GaugeSnapshot.builder()
                .name("agentnexus_container_cpu_percent")
                .help("CPU of a running execution's container or process, percent of one core");
            for (ContainerSeries.Sample sample : samples) {
                Labels labels = Labels.of("application", application, "execution_id", sample.executionId().toString(),
                        "agent_id", sample.agentId());
                memory.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(labels)
                    .value(sample.memoryBytes())
                    .build());
                cpu.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(labels)
                    .value(sample.cpuPercent())
                    .build());
            }
            snapshots.add(memory.build());
            snapshots.add(cpu.build());
        }
        snapshots.add(CounterSnapshot.builder()
            .name("agentnexus_aggregator_container_series_omitted")
            .help("Running executions given no container series because max-container-series was reached")
            .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                .labels(Labels.of("application", application))
                .value(containers.omitted())
                .build())
            .build());
    }

    private void addLag(List<MetricSnapshot> snapshots) {
        Map<Position, Long> byPartition = lag.byPartition();
        if (byPartition.isEmpty()) {
            return;
        }
        var gauge = GaugeSnapshot.builder()
            .name("agentnexus_aggregator_consumer_lag_records")
            .help("Records between the ledger consumer's position and the end of each owned topic partition");
        byPartition.forEach((partition,
                records) -> gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(Labels.of("application", application, "topic", partition.topic(), "partition",
                            Integer.toString(partition.partition())))
                    .value(records)
                    .build()));
        snapshots.add(gauge.build());
    }

    private Labels labels(int partition, List<String> names, List<String> values) {
        List<String> allNames = new ArrayList<>(names);
        List<String> allValues = new ArrayList<>(values);
        allNames.add("partition");
        allValues.add(Integer.toString(partition));
        allNames.add("application");
        allValues.add(application);
        return Labels.of(allNames, allValues);
    }

    private static int compareLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

}
