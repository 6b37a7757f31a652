package com.agentnexus.events;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test fixture builder for one execution's events: each call returns the next event with
 * the next seq, and the terminal events carry the right event count and log checksum.
 * Shared with the services' tests (test-jar).
 *
 * <pre>{@code
 * var run = ExecutionFixture.anExecution().ownedBy("alice");
 * run.pending(); run.running(); run.stdout("hello"); run.completed("{\"ok\":true}");
 * }</pre>
 */
public final class ExecutionFixture {

    private static final AtomicLong CLOCK = new AtomicLong(System.currentTimeMillis());

    private final ExecutionId executionId;

    private AgentId agentId = new AgentId("demo-worker");

    private String agentName = "Demo worker";

    private UserId userId = new UserId("demo");

    private BigInteger priceWei = new BigInteger("1000000000000000000");

    private long seq;

    private final long startedAt;

    private final LogChecksum checksum = new LogChecksum();

    private final List<ExecutionEvent> events = new ArrayList<>();

    private ExecutionFixture(long createdAt) {
        this.executionId = new ExecutionId(uuidV7(createdAt));
        this.startedAt = createdAt;
    }

    /** An execution created now. */
    public static ExecutionFixture anExecution() {
        return new ExecutionFixture(CLOCK.updateAndGet(previous -> Math.max(previous + 1, System.currentTimeMillis())));
    }

    /** An execution created at the given epoch millisecond. */
    public static ExecutionFixture anExecutionCreatedAt(long epochMillis) {
        return new ExecutionFixture(epochMillis);
    }

    /** A UUIDv7 whose timestamp is {@code epochMillis}, with random low bits. */
    public static UUID uuidV7(long epochMillis) {
        UUID random = UUID.randomUUID();
        long msb = (epochMillis << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        long lsb = (random.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    public ExecutionFixture ownedBy(String user) {
        this.userId = new UserId(user);
        return this;
    }

    public ExecutionFixture ofAgent(String id, String name, String price) {
        this.agentId = new AgentId(id);
        this.agentName = name;
        this.priceWei = new BigInteger(price);
        return this;
    }

    public ExecutionId executionId() {
        return executionId;
    }

    public AgentId agentId() {
        return agentId;
    }

    public UserId userId() {
        return userId;
    }

    /** Every event built so far, in seq order. */
    public List<ExecutionEvent> events() {
        return List.copyOf(events);
    }

    public ExecutionStatusChanged pending() {
        return add(ExecutionStatusChanged.transition(executionId, agentId, userId, ++seq, now(),
                ExecutionStatus.PENDING, agentName, priceWei));
    }

    public ExecutionStatusChanged running() {
        return add(ExecutionStatusChanged.transition(executionId, agentId, userId, ++seq, now(),
                ExecutionStatus.RUNNING, agentName, priceWei));
    }

    public LogLineEmitted stdout(String line) {
        return log(LogStream.STDOUT, line);
    }

    public LogLineEmitted stderr(String line) {
        return log(LogStream.STDERR, line);
    }

    public LogLineEmitted log(LogStream stream, String line) {
        checksum.update(line);
        return add(new LogLineEmitted(executionId, agentId, userId, ++seq, now(), stream, line));
    }

    public ResourcesSampled resources(long memoryBytes, double cpuPercent) {
        long now = now();
        return add(new ResourcesSampled(executionId, agentId, userId, ++seq, now, memoryBytes, cpuPercent,
                now - startedAt));
    }

    public ExecutionStatusChanged completed(String outputJson) {
        return terminal(ExecutionStatus.COMPLETED, outputJson, null, 0);
    }

    public ExecutionStatusChanged failed(int exitCode) {
        return terminal(ExecutionStatus.FAILED, null, "exited with code " + exitCode, exitCode);
    }

    public ExecutionStatusChanged terminal(ExecutionStatus status, String outputJson, String error, Integer exitCode) {
        long next = ++seq;
        long now = now();
        return add(new ExecutionStatusChanged(executionId, agentId, userId, next, now, status, agentName, priceWei,
                outputJson, error, exitCode, now - startedAt, next, checksum.value()));
    }

    private long now() {
        return Math.max(startedAt, System.currentTimeMillis());
    }

    private <E extends ExecutionEvent> E add(E event) {
        events.add(event);
        return event;
    }

}
