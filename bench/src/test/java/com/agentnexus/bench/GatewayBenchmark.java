package com.agentnexus.bench;

import com.agentnexus.events.ExecutionId;
import com.agentnexus.events.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The gateway's load scenarios (bench/README.md): a real KRaft broker in this JVM, the
 * gateway as a separate process from its runnable jar, the synthetic producer and the
 * load client here. Prints a markdown table of measured figures and writes it to
 * {@code target/bench-results.md}; asserts nothing on timing.
 *
 * <p>
 * Sizes are system properties ({@code -Dbench.p1.subscribers=…});
 * {@code -Dbench.quick=true} picks small ones for a smoke run,
 * {@code -Dbench.scenarios=p1,p3} runs a subset.
 */
class GatewayBenchmark {

    private static final boolean QUICK = Boolean.getBoolean("bench.quick");

    private static final String USER = "bench";

    private final StringBuilder report = new StringBuilder();

    private SyntheticProducer producer;

    private GatewayProcess gateway;

    private LoadClient client;

    @Test
    void scenarios() throws Exception {
        Set<String> scenarios = Arrays.stream(System.getProperty("bench.scenarios", "p1,p2,p3,attack,p7").split(","))
            .map(String::trim)
            .collect(Collectors.toSet());
        var broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.DEFAULTS.all().toArray(String[]::new));
        broker.afterPropertiesSet();
        Path target = Path.of("target");
        Files.createDirectories(target);
        try {
            producer = new SyntheticProducer(broker.getBrokersAsString());
            Path jar = GatewayProcess
                .findJar(Path.of(System.getProperty("bench.gatewayJarDir", "../stream-gateway/target")));
            long began = System.nanoTime();
            List<String> jvmOptions = new ArrayList<>(GatewayProcess.JVM_OPTIONS);
            String extra = System.getProperty("bench.gateway.jvmOptions", "").trim();
            if (!extra.isEmpty()) {
                jvmOptions.addAll(Arrays.asList(extra.split("\\s+")));
            }
            gateway = GatewayProcess.start(jar, jvmOptions, freePort(), broker.getBrokersAsString(),
                    target.resolve("bench-gateway.log"));
            client = new LoadClient(gateway.webSocketUri(), BenchTokens.token(BenchTokens.DEV_SECRET, USER),
                    size("client.selectors", 4, 2), size("client.threads", 2, 2));
            header(jar, jvmOptions, (System.nanoTime() - began) / 1_000_000);
            warmUp();
            if (scenarios.contains("p1")) {
                p1Latency();
            }
            if (scenarios.contains("p2")) {
                p2FanOut();
            }
            if (scenarios.contains("p3")) {
                p3Replay();
            }
            if (scenarios.contains("attack")) {
                craftedIdAttack();
            }
            if (scenarios.contains("p7")) {
                p7IdleConnections();
            }
        }
        finally {
            if (client != null) {
                client.close();
            }
            if (gateway != null) {
                gateway.close();
            }
            if (producer != null) {
                producer.close();
            }
            broker.destroy();
            System.out.println(report);
            Files.writeString(target.resolve("bench-results.md"), report);
        }
    }

    private void header(Path jar, List<String> jvmOptions, long startMillis) {
        line("## Gateway benchmark, " + LocalDateTime.now().withNano(0) + (QUICK ? " (quick sizes)" : ""));
        line("");
        line("Gateway: " + jar.getFileName() + ", JVM options " + jvmOptions + ", ready after " + startMillis + " ms; "
                + Runtime.getRuntime().availableProcessors() + " processors; Java " + System.getProperty("java.version")
                + ". Load client, producer and KRaft broker share one JVM.");
        line("");
    }

    /** Not measured: lets the gateway's JIT compile the hot paths before the figures. */
    private void warmUp() throws Exception {
        int seconds = size("warmup.seconds", 10, 2);
        List<BenchSocket> sockets = client.open(100, 100);
        var execution = producer.start(USER, 100);
        sockets.forEach(socket -> socket.subscribe(execution.id().toString()));
        try (var feed = new LiveFeed(execution, 1_000)) {
            Thread.sleep(seconds * 1000L);
        }
        execution.completed();
        producer.flush();
        Thread.sleep(500);
        LoadClient.closeAll(sockets);
    }

    // ---- P1 -------------------------------------------------------------------------

    private void p1Latency() throws Exception {
        int subscribers = size("p1.subscribers", 200, 20);
        int seconds = size("p1.seconds", 10, 2);
        List<Integer> rates = ints("p1.rates", QUICK ? "100,500" : "100,500,1000");
        line("### P1 latency: " + subscribers + " subscribers of one running execution, " + seconds + " s a rate");
        line("");
        line("Latency = client receive time − event `timestamp` (the producer's send time), log messages only.");
        line("");
        line("| events/s | offered msgs/s | delivered msgs/s | p50 ms | p90 ms | p99 ms | max ms | closed |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int rate : rates) {
            List<BenchSocket> sockets = client.open(subscribers, 100);
            var execution = producer.start(USER, 100);
            var latencies = new LatencyHistogram();
            var window = new Window();
            var terminals = new AtomicLong();
            BenchSocket.Sink sink = (socket, type, seq, timestamp, received, message) -> {
                if (type == ServerFrame.LOG && window.open(received)) {
                    latencies.record(received - timestamp);
                    window.delivered.incrementAndGet();
                }
                else if (type == ServerFrame.STATUS && ServerFrame.isTerminal(message)) {
                    terminals.incrementAndGet();
                }
            };
            sockets.forEach(socket -> {
                socket.sink(sink);
                socket.subscribe(execution.id().toString());
            });
            awaitCondition(() -> sockets.stream().allMatch(socket -> socket.received() >= 2), 30);
            long sent;
            try (var feed = new LiveFeed(execution, rate)) {
                Thread.sleep(1000); // settle, then measure
                window.begin();
                long sentBefore = feed.sent();
                Thread.sleep(seconds * 1000L);
                sent = feed.sent() - sentBefore;
                window.end();
            }
            execution.completed();
            producer.flush();
            awaitCondition(() -> terminals.get() >= subscribers, 30);
            long closed = closedCount(sockets);
            LoadClient.closeAll(sockets);
            double secs = window.seconds();
            line(String.format(Locale.ROOT, "| %d | %,.0f | %,.0f | %d | %d | %d | %d | %d |", rate,
                    sent * subscribers / secs, window.delivered.get() / secs, latencies.percentile(50),
                    latencies.percentile(90), latencies.percentile(99), latencies.max(), closed));
        }
        line("");
    }

    // ---- P2 -------------------------------------------------------------------------

    private void p2FanOut() throws Exception {
        int subscribers = size("p2.subscribers", 1000, 100);
        int rate = size("p2.rate", 300, 300);
        int seconds = size("p2.seconds", 10, 2);
        line("### P2 fan-out: " + subscribers + " subscribers of one running execution");
        line("");
        long openBegan = System.nanoTime();
        List<BenchSocket> sockets = client.open(subscribers, 100);
        long openMillis = (System.nanoTime() - openBegan) / 1_000_000;
        var execution = producer.start(USER, 100);
        for (int i = 0; i < 20; i++) {
            execution.log(); // a little history to replay
        }
        producer.flush();
        Thread.sleep(500);
        var firstEvent = new AtomicLongArray(subscribers);
        var window = new Window();
        var latencies = new LatencyHistogram();
        var terminals = new AtomicLong();
        BenchSocket.Sink sink = (socket, type, seq, timestamp, received, message) -> {
            if (seq > 0) {
                firstEvent.compareAndSet(socket.index(), 0, received);
            }
            if (type == ServerFrame.LOG && window.open(received)) {
                window.delivered.incrementAndGet();
                latencies.record(received - timestamp);
            }
            else if (type == ServerFrame.STATUS && ServerFrame.isTerminal(message)) {
                terminals.incrementAndGet();
            }
        };
        sockets.forEach(socket -> socket.sink(sink));
        long subscribeBegan = System.currentTimeMillis();
        sockets.forEach(socket -> socket.subscribe(execution.id().toString()));
        long sentAll = System.currentTimeMillis();
        awaitCondition(() -> countNonZero(firstEvent) == subscribers, 60);
        var toFirst = new LatencyHistogram();
        for (int i = 0; i < subscribers; i++) {
            if (firstEvent.get(i) > 0) {
                toFirst.record(firstEvent.get(i) - subscribeBegan);
            }
        }
        long sent;
        long gatewayTicks;
        long clientTicks;
        try (var feed = new LiveFeed(execution, rate)) {
            Thread.sleep(2000);
            long ticks0 = gateway.cpuTicks();
            long self0 = selfCpuTicks();
            window.begin();
            long sentBefore = feed.sent();
            Thread.sleep(seconds * 1000L);
            sent = feed.sent() - sentBefore;
            window.end();
            gatewayTicks = gateway.cpuTicks() - ticks0;
            clientTicks = selfCpuTicks() - self0;
        }
        execution.completed();
        producer.flush();
        awaitCondition(() -> terminals.get() + closedCount(sockets) >= subscribers, 60);
        long closed = closedCount(sockets);
        LoadClient.closeAll(sockets);
        double secs = window.seconds();
        long delivered = window.delivered.get();
        line("| figure | value |");
        line("|---|---:|");
        line("| connections opened (" + subscribers + ", 100 handshakes at a time) | " + openMillis + " ms |");
        line("| subscribes sent (one thread) | " + (sentAll - subscribeBegan) + " ms |");
        line(String.format(Locale.ROOT,
                "| time to first event after the subscribes began: p50 / p99 / all | %d / %d / %d ms |",
                toFirst.percentile(50), toFirst.percentile(99), toFirst.max()));
        line(String.format(Locale.ROOT, "| offered at %d events/s | %,.0f msgs/s |", rate, sent * subscribers / secs));
        line(String.format(Locale.ROOT, "| delivered | %,.0f msgs/s |", delivered / secs));
        line(String.format(Locale.ROOT, "| latency p50 / p99 / max | %d / %d / %d ms |", latencies.percentile(50),
                latencies.percentile(99), latencies.max()));
        line(String.format(Locale.ROOT, "| gateway CPU per delivered message | %.2f µs (%.0f %% of a core) |",
                delivered == 0 ? 0 : gatewayTicks * 10_000.0 / delivered, gatewayTicks / secs));
        line(String.format(Locale.ROOT, "| bench JVM CPU (client, producer, broker) | %.0f %% of a core |",
                clientTicks / secs));
        line("| connections closed by the gateway | " + closed + " |");
        line("");
    }

    // ---- P3 -------------------------------------------------------------------------

    private void p3Replay() throws Exception {
        int events = size("p3.events", 100_000, 5_000);
        int concurrent = size("p3.concurrent", 20, 3);
        int watcherRate = size("p3.watcherRate", 100, 100);
        int idleSeconds = size("p3.idleSeconds", 10, 2);
        line("### P3 replay of a finished " + String.format(Locale.ROOT, "%,d", events) + "-event execution");
        line("");
        long produceBegan = System.nanoTime();
        ExecutionId finished = producer.finished(USER, events, 100);
        long produceMillis = (System.nanoTime() - produceBegan) / 1_000_000;

        // the live watcher on another execution
        var live = producer.start(USER, 100);
        BenchSocket watcher = client.open(1, 1).get(0);
        var watcherLatency = new LatencyHistogram[] { new LatencyHistogram() };
        watcher.sink((socket, type, seq, timestamp, received, message) -> {
            if (type == ServerFrame.LOG) {
                watcherLatency[0].record(received - timestamp);
            }
        });
        watcher.subscribe(live.id().toString());
        LatencyHistogram idle;
        List<Long> each;
        long single;
        LatencyHistogram loaded;
        try (var feed = new LiveFeed(live, watcherRate)) {
            Thread.sleep(1000);
            watcherLatency[0] = new LatencyHistogram();
            Thread.sleep(idleSeconds * 1000L);
            idle = watcherLatency[0];

            single = replayTimes(finished, events, 1).get(0);

            watcherLatency[0] = new LatencyHistogram();
            each = replayTimes(finished, events, concurrent);
            loaded = watcherLatency[0];
        }
        live.completed();
        producer.flush();
        watcher.close();
        line("| figure | value |");
        line("|---|---:|");
        line("| history written (producer, as fast as Kafka takes it) | " + produceMillis + " ms |");
        line("| one subscriber: time to receive all | " + millis(single) + " |");
        List<Long> sorted = each.stream().sorted().toList();
        line("| " + concurrent + " at once: each one's time to receive all (sorted) | "
                + sorted.stream().map(GatewayBenchmark::millis).collect(Collectors.joining(", ")) + " |");
        line(String.format(Locale.ROOT,
                "| live watcher (%d events/s) p50 / p99 / max, idle | %d / %d / %d ms (%d msgs) |", watcherRate,
                idle.percentile(50), idle.percentile(99), idle.max(), idle.count()));
        line(String.format(Locale.ROOT,
                "| live watcher p50 / p99 / max, during the %d replays | %d / %d / %d ms (%d msgs) |", concurrent,
                loaded.percentile(50), loaded.percentile(99), loaded.max(), loaded.count()));
        line("");
    }

    /**
     * {@code count} new connections subscribe to a finished execution at once; each one's
     * time from the subscribe to its terminal status (-1: not within the timeout).
     */
    private List<Long> replayTimes(ExecutionId execution, long events, int count) throws Exception {
        List<BenchSocket> sockets = client.open(count, count);
        var done = new AtomicLongArray(count);
        var gaps = new AtomicLong();
        var last = new AtomicLongArray(count);
        sockets.forEach(socket -> socket.sink((s, type, seq, timestamp, received, message) -> {
            if (seq > 0) {
                if (seq != last.get(s.index()) + 1) {
                    gaps.incrementAndGet();
                }
                last.set(s.index(), seq);
                if (seq == events) {
                    done.set(s.index(), System.nanoTime());
                }
            }
        }));
        long began = System.nanoTime();
        sockets.forEach(socket -> socket.subscribe(execution.toString()));
        awaitCondition(() -> countNonZero(done) + closedCount(sockets) >= count, size("p3.timeoutSeconds", 600, 120));
        LoadClient.closeAll(sockets);
        if (gaps.get() > 0) {
            line("(" + gaps.get() + " out-of-order or missing seqs seen in a replay)");
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(done.get(i) == 0 ? -1 : (done.get(i) - began) / 1_000_000);
        }
        return times;
    }

    // ---- crafted-id attack
    // --------------------------------------------------------------

    private void craftedIdAttack() throws Exception {
        int events = size("attack.events", 10_000, 2_000);
        int connections = size("attack.connections", 40, 10);
        int subscribes = size("attack.subscribes", 5, 5);
        int tries = size("attack.tries", 3, 1);
        line("### Crafted-id attack: " + connections + " connections × " + subscribes
                + " subscribes of UUIDv7 ids dated 1970, against a replay of a finished "
                + String.format(Locale.ROOT, "%,d", events) + "-event execution");
        line("");
        ExecutionId victim = producer.finished(USER, events, 100);
        line("| run | victim's first event | victim's last event | attackers answered (all) |");
        line("|---|---:|---:|---:|");
        for (int i = 0; i < tries; i++) {
            long[] alone = victimTimes(victim, events);
            line("| without attack | " + millis(alone[0]) + " | " + millis(alone[1]) + " | – |");
        }
        for (int i = 0; i < tries; i++) {
            List<BenchSocket> attackers = client.open(connections, connections);
            var answers = new AtomicLong();
            var lastAnswer = new AtomicLong();
            var codes = ConcurrentHashMap.<String>newKeySet();
            attackers.forEach(socket -> socket.sink((s, type, seq, timestamp, received, message) -> {
                if (type == ServerFrame.ERROR) {
                    codes.add(ServerFrame.errorCode(message));
                    answers.incrementAndGet();
                    lastAnswer.set(System.nanoTime());
                }
            }));
            long began = System.nanoTime();
            for (BenchSocket attacker : attackers) {
                for (int k = 0; k < subscribes; k++) {
                    attacker.subscribe(SyntheticProducer
                        .idCreatedAt(ThreadLocalRandom.current().nextLong(0, 365L * 24 * 3600 * 1000))
                        .toString());
                }
            }
            long[] attacked = victimTimes(victim, events);
            awaitCondition(() -> answers.get() >= (long) connections * subscribes,
                    size("attack.timeoutSeconds", 300, 60));
            String answered = answers.get() >= (long) connections * subscribes
                    ? ((lastAnswer.get() - began) / 1_000_000) + " ms " + codes : answers.get() + " answers by timeout";
            LoadClient.closeAll(attackers);
            line("| with attack | " + millis(attacked[0]) + " | " + millis(attacked[1]) + " | " + answered + " |");
        }
        line("");
    }

    /**
     * A new connection replays {@code execution}: ms to its first and to its last event.
     */
    private long[] victimTimes(ExecutionId execution, long events) throws Exception {
        BenchSocket socket = client.open(1, 1).get(0);
        var first = new AtomicLong();
        var last = new AtomicLong();
        socket.sink((s, type, seq, timestamp, received, message) -> {
            if (seq > 0) {
                first.compareAndSet(0, System.nanoTime());
            }
            if (seq == events) {
                last.set(System.nanoTime());
            }
        });
        long began = System.nanoTime();
        socket.subscribe(execution.toString());
        awaitCondition(() -> last.get() != 0 || socket.closed().isDone(), size("attack.timeoutSeconds", 300, 60));
        socket.close();
        return new long[] { first.get() == 0 ? -1 : (first.get() - began) / 1_000_000,
                last.get() == 0 ? -1 : (last.get() - began) / 1_000_000 };
    }

    // ---- P7 -------------------------------------------------------------------------

    private void p7IdleConnections() throws Exception {
        int connections = size("p7.connections", 10_000, 500);
        line("### P7 idle connections: " + String.format(Locale.ROOT, "%,d", connections));
        line("");
        Thread.sleep(2000); // closed connections of earlier scenarios are gone
        long before = gateway.heapAfterGc();
        Map<String, Long> classesBefore = gateway.liveBytesByClass();
        long began = System.nanoTime();
        List<BenchSocket> sockets = client.open(connections, 200);
        long openMillis = (System.nanoTime() - began) / 1_000_000;
        Thread.sleep(3000);
        long after = gateway.heapAfterGc();
        Map<String, Long> classesWith = gateway.liveBytesByClass();
        long closed = closedCount(sockets);
        LoadClient.closeAll(sockets);
        line("| figure | value |");
        line("|---|---:|");
        line("| open file limit (ulimit -n, this JVM's and so the gateway's) | " + openFileLimit() + " |");
        line("| connections opened (200 handshakes at a time) | " + openMillis + " ms |");
        line(String.format(Locale.ROOT, "| gateway heap after GC, before / with the connections | %.1f / %.1f MiB |",
                before / 1048576.0, after / 1048576.0));
        line(String.format(Locale.ROOT, "| heap per idle connection | %,.0f bytes |",
                (after - before) / (double) connections));
        line("| connections closed by the gateway meanwhile | " + closed + " |");
        line("");
        line("Where an idle connection's heap goes (live bytes by class, with the connections minus before, per "
                + "connection; the 15 largest):");
        line("");
        line("| class | bytes per connection |");
        line("|---|---:|");
        classesWith.entrySet()
            .stream()
            .map(entry -> Map.entry(entry.getKey(), entry.getValue() - classesBefore.getOrDefault(entry.getKey(), 0L)))
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(15)
            .forEach(entry -> line(String.format(Locale.ROOT, "| `%s` | %,.0f |", entry.getKey(),
                    entry.getValue() / (double) connections)));
        line("");
    }

    // ---- helpers ----------------------------------------------------------------------

    /** Counts messages received within a measuring window (by receive time). */
    private static final class Window {

        final AtomicLong delivered = new AtomicLong();

        private volatile long from = Long.MAX_VALUE;

        private volatile long to = Long.MAX_VALUE;

        void begin() {
            from = System.currentTimeMillis();
        }

        void end() {
            to = System.currentTimeMillis();
        }

        boolean open(long at) {
            return at >= from && at < to;
        }

        double seconds() {
            return (to - from) / 1000.0;
        }

    }

    private static String openFileLimit() {
        try {
            Process p = new ProcessBuilder("sh", "-c", "ulimit -n").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes()).trim();
        }
        catch (IOException e) {
            return "?";
        }
    }

    private static long selfCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long closedCount(List<BenchSocket> sockets) {
        return sockets.stream().filter(socket -> socket.closed().isDone()).count();
    }

    private static int countNonZero(AtomicLongArray values) {
        int n = 0;
        for (int i = 0; i < values.length(); i++) {
            if (values.get(i) != 0) {
                n++;
            }
        }
        return n;
    }

    private static void awaitCondition(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static String millis(long value) {
        return value < 0 ? "timeout" : value + " ms";
    }

    private static int size(String name, int full, int quick) {
        return Integer.getInteger("bench." + name, QUICK ? quick : full);
    }

    private static List<Integer> ints(String name, String defaults) {
        return Arrays.stream(System.getProperty("bench." + name, defaults).split(","))
            .map(String::trim)
            .map(Integer::parseInt)
            .toList();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

}
