package com.agentnexus.gateway.connection;

import com.agentnexus.gateway.protocol.OutboundMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A socket whose thread is the test: tasks wait until {@link #runTasks()}, writes are
 * recorded, and the test decides when the socket is writable and when its buffer empties.
 */
final class FakeSocket implements FrameSocket {

    private final Deque<Runnable> tasks = new ArrayDeque<>();

    private final Deque<Runnable> flushWaiters = new ArrayDeque<>();

    final List<List<OutboundMessage>> writes = new ArrayList<>();

    volatile boolean writable = true;

    volatile long writableBytes = Long.MAX_VALUE;

    int pings;

    boolean aborted;

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public long writableBytes() {
        return writable ? writableBytes : 0;
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs what was handed to the socket's thread, and what those tasks hand on. */
    void runTasks() {
        Runnable task;
        while ((task = nextTask()) != null) {
            task.run();
        }
    }

    private synchronized Runnable nextTask() {
        return tasks.poll();
    }

    @Override
    public void writeAndFlush(List<OutboundMessage> messages) {
        writes.add(List.copyOf(messages));
    }

    @Override
    public void whenFlushed(Runnable task) {
        flushWaiters.add(task);
    }

    /** The client read everything: the socket is writable again. */
    void flushed() {
        writable = true;
        Runnable waiter;
        while ((waiter = flushWaiters.poll()) != null) {
            waiter.run();
        }
    }

    int flushWaiters() {
        return flushWaiters.size();
    }

    @Override
    public void ping() {
        pings++;
    }

    @Override
    public void abort() {
        aborted = true;
    }

    List<OutboundMessage> written() {
        return writes.stream().flatMap(List::stream).toList();
    }

}
