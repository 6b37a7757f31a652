package com.agentnexus.aggregator.acceptance;

import com.agentnexus.events.ExecutionEvent;
import com.agentnexus.events.ExecutionFixture;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.events.Topics;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The records of many executions as the execution-service would publish them,
 * interleaved: random agents, prices up to 10^24 Wei, durations across every histogram
 * bucket, every terminal status (CANCELLED also straight from PENDING), resource samples
 * and log lines between; about 1% of records sent a second time, verbatim, a little
 * later; and a few records that are not JSON at all. Every record it hands out is counted
 * into its {@link LedgerTruth}; use it from one thread.
 */
final class ExecutionTraffic implements Iterator<OutgoingRecord> {

    /** How many executions are under way at once. */
    private static final int INTERLEAVED = 200;

    private static final BigInteger MAX_PRICE = BigInteger.TEN.pow(24);

    private static final long[] DURATION_RANGES_MILLIS = { 0, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000,
            60_000, 120_000, 300_000, 400_000 };

    private final Random random;

    private final LedgerTruth truth;

    private final int executions;

    private final double duplicateRate;

    private final double garbageRate;

    private final List<String[]> agents;

    private final List<Deque<ExecutionEvent>> underWay = new ArrayList<>();

    private final List<Duplicate> duplicates = new ArrayList<>();

    private final AtomicInteger started = new AtomicInteger();

    private int garbageLeft;

    private long handedOut;

    private record Duplicate(OutgoingRecord record, long dueAt) {
    }

    ExecutionTraffic(Random random, LedgerTruth truth, int executions, int agentCount, int garbage) {
        this.random = random;
        this.truth = truth;
        this.executions = executions;
        this.duplicateRate = 0.01;
        this.garbageLeft = garbage;
        // about five records per execution
        this.garbageRate = garbage / (executions * 5.0);
        this.agents = IntStream.rangeClosed(1, agentCount)
            .mapToObj(i -> new String[] { "agent-" + i, "Agent " + i })
            .toList();
    }

    /** Executions whose first record has been handed out; readable from any thread. */
    int started() {
        return started.get();
    }

    int executions() {
        return executions;
    }

    @Override
    public boolean hasNext() {
        return started.get() < executions || !underWay.isEmpty() || !duplicates.isEmpty() || garbageLeft > 0;
    }

    @Override
    public OutgoingRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        handedOut++;
        Duplicate due = dueDuplicate();
        if (due != null) {
            return due.record();
        }
        while (underWay.size() < INTERLEAVED && started.get() < executions) {
            underWay.add(lifecycle());
            started.incrementAndGet();
        }
        if (garbageLeft > 0 && (random.nextDouble() < garbageRate || underWay.isEmpty())) {
            garbageLeft--;
            OutgoingRecord garbage = garbage();
            truth.recordGarbage(garbage);
            return garbage;
        }
        if (underWay.isEmpty()) {
            return duplicates.remove(0).record();
        }
        int pick = random.nextInt(underWay.size());
        Deque<ExecutionEvent> execution = underWay.get(pick);
        ExecutionEvent event = execution.poll();
        if (execution.isEmpty()) {
            underWay.set(pick, underWay.get(underWay.size() - 1));
            underWay.remove(underWay.size() - 1);
        }
        truth.record(event);
        OutgoingRecord record = OutgoingRecord.of(event);
        if (random.nextDouble() < duplicateRate) {
            duplicates.add(new Duplicate(record, handedOut + random.nextInt(50)));
            truth.recordDuplicate();
        }
        return record;
    }

    private Duplicate dueDuplicate() {
        for (int i = 0; i < duplicates.size(); i++) {
            if (duplicates.get(i).dueAt() <= handedOut) {
                return duplicates.remove(i);
            }
        }
        return null;
    }

    private Deque<ExecutionEvent> lifecycle() {
        String[] agent = agents.get(random.nextInt(agents.size()));
        String price = new BigInteger(80, random).mod(MAX_PRICE).toString();
        var run = ExecutionFixture.anExecutionCreatedAt(System.currentTimeMillis() - durationMillis())
            .ofAgent(agent[0], agent[1], price)
            .ownedBy("user-" + random.nextInt(100));
        run.pending();
        int outcome = random.nextInt(100);
        if (outcome < 8) {
            run.terminal(ExecutionStatus.CANCELLED, null, "cancelled before it ran", null);
            return new ArrayDeque<>(run.events());
        }
        run.running();
        int samples = random.nextInt(4);
        for (int i = 0; i < samples; i++) {
            if (random.nextInt(3) == 0) {
                run.stdout("working on step " + i);
            }
            run.resources(random.nextInt(1 << 30), Math.round(random.nextDouble() * 20_000) / 100.0);
        }
        if (outcome < 55) {
            run.completed("{\"ok\":true,\"n\":" + random.nextInt(1000) + "}");
        }
        else if (outcome < 75) {
            run.failed(1 + random.nextInt(255));
        }
        else if (outcome < 87) {
            run.terminal(ExecutionStatus.TIMED_OUT, null, "timed out", null);
        }
        else {
            run.terminal(ExecutionStatus.CANCELLED, null, "cancelled by its owner", null);
        }
        return new ArrayDeque<>(run.events());
    }

    /**
     * A duration in a random histogram bucket, so that every bucket and the +Inf overflow
     * get observations.
     */
    private long durationMillis() {
        int range = random.nextInt(DURATION_RANGES_MILLIS.length - 1);
        long from = DURATION_RANGES_MILLIS[range];
        long to = DURATION_RANGES_MILLIS[range + 1];
        return from + (long) (random.nextDouble() * (to - from));
    }

    private OutgoingRecord garbage() {
        String topic = random.nextBoolean() ? Topics.DEFAULTS.status() : Topics.DEFAULTS.resources();
        String value = random.nextBoolean() ? "this is not an event #" + random.nextInt(1000)
                : "{\"v\":1,\"type\":\"status\",\"executionId\":\"" + UUID.randomUUID() + "\",\"seq\":";
        return new OutgoingRecord(topic, UUID.randomUUID().toString(), value);
    }

}
