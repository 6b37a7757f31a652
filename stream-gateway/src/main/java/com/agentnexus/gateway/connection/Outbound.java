package com.agentnexus.gateway.connection;

import com.agentnexus.gateway.protocol.OutboundMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import reactor.util.concurrent.Queues;

/**
 * A connection's bounded queue of outgoing messages, drained into its socket in batches.
 * Live, replay and the event loop all send, so sending is serialised here; the socket's
 * own thread drains. The first message into an empty queue schedules one drain; whatever
 * arrives before it runs goes out with it, in one write and one flush.
 *
 * <p>
 * A drain writes no more than the socket takes before it turns unwritable, so a client
 * that reads slowly holds at most Netty's high watermark in the socket's buffer and the
 * rest here. A client is too slow when this queue is full, or when its socket has refused
 * writes for longer than the grace while more keeps coming. Then {@code onOverflow} runs
 * once and everything after is dropped — the connection is about to close with 1013.
 */
final class Outbound {

    /** Messages in one write at most: one client cannot hold its event loop for long. */
    static final int MAX_BATCH = 512;

    // one per event loop thread: drains of all its connections reuse it
    private static final ThreadLocal<ArrayList<OutboundMessage>> BATCH = ThreadLocal
        .withInitial(() -> new ArrayList<>(MAX_BATCH));

    // the longest a waiting replay sleeps between checks, should a wake-up be missed
    private static final long ROOM_RECHECK_NANOS = 50_000_000L;

    // a short link: the queue grows by 32 slots at a time, so an idle connection holds
    // one
    // small array; its messages are shared (one instance per event for every subscriber),
    // so queueing one allocates nothing per connection. Single producer (sends hold the
    // lock), single consumer (the socket's thread).
    private final Queue<OutboundMessage> queue = Queues.<OutboundMessage>unbounded(32).get();

    // counted here rather than by a preallocated array queue, so idle connections stay
    // small
    private final AtomicInteger queued = new AtomicInteger();

    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    private final int capacity;

    private final FrameSocket socket;

    private final long graceNanos;

    private final LongSupplier nanoTime;

    private final Runnable onOverflow;

    // the replay thread waiting for room, if any (one replay at a time per connection)
    private volatile @Nullable Thread roomWaiter;

    // socket's thread only: a wake-up for when the socket's buffer empties is pending
    private boolean awaitingFlush;

    private long unwritableSince = -1;

    private volatile boolean closed;

    /**
     * @param socket where the messages go
     * @param grace how long a socket may refuse writes while more is sent, and how long
     * replay waits
     */
    Outbound(int capacity, FrameSocket socket, Duration grace, LongSupplier nanoTime, Runnable onOverflow) {
        this.capacity = capacity;
        this.socket = socket;
        this.graceNanos = grace.toNanos();
        this.nanoTime = nanoTime;
        this.onOverflow = onOverflow;
    }

    void send(OutboundMessage message) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queued.get() >= capacity || stalledBeyondGrace()) {
                overflow();
                return;
            }
            queued.incrementAndGet();
            queue.offer(message);
        }
        scheduleDrain();
    }

    /** A WebSocket ping, in order with the messages, unless the connection is closing. */
    void ping() {
        if (!closed) {
            socket.execute(() -> {
                if (!closed) {
                    socket.ping();
                }
            });
        }
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            socket.execute(this::drain);
        }
    }

    /** On the socket's thread: as much as the socket takes now, in one write. */
    private void drain() {
        // cleared first: a message queued from now on schedules the next drain
        drainScheduled.set(false);
        if (closed) {
            return;
        }
        if (!socket.isWritable()) {
            if (!awaitingFlush && (!queue.isEmpty() || roomWaiter != null)) {
                awaitingFlush = true;
                socket.whenFlushed(() -> {
                    awaitingFlush = false;
                    drain();
                });
            }
            return;
        }
        ArrayList<OutboundMessage> batch = BATCH.get();
        long budget = socket.writableBytes();
        long bytes = 0;
        OutboundMessage message;
        // at least one message, however large: the socket's buffer holds it
        while (batch.size() < MAX_BATCH && (batch.isEmpty() || bytes < budget) && (message = queue.poll()) != null) {
            batch.add(message);
            bytes += message.frame().length;
        }
        if (!batch.isEmpty()) {
            queued.addAndGet(-batch.size());
            try {
                socket.writeAndFlush(batch);
            }
            finally {
                batch.clear();
            }
            if (!queue.isEmpty()) {
                // more than one write's worth: the next drain (now, or once the socket
                // emptied) runs after the event loop's other work
                if (socket.isWritable()) {
                    scheduleDrain();
                }
                else {
                    drain();
                }
            }
        }
        wakeRoomWaiter();
    }

    /**
     * Blocks the calling (replay) thread until the socket takes writes and at most half
     * the capacity is queued, so a history of any length reaches a reading client at its
     * pace. A client that makes no room within the grace is too slow: the connection
     * overflows. False if the connection is closing.
     */
    boolean awaitRoom() {
        long deadline = nanoTime.getAsLong() + graceNanos;
        while (!hasRoom()) {
            if (closed) {
                return false;
            }
            long left = deadline - nanoTime.getAsLong();
            if (left < 0) {
                synchronized (this) {
                    if (!closed) {
                        overflow();
                    }
                }
                return false;
            }
            roomWaiter = Thread.currentThread();
            // the drain may have made room after the check above, before it could see us
            if (hasRoom()) {
                break;
            }
            // a drain wakes us once there is room, or asks the socket to say when it
            // emptied
            scheduleDrain();
            LockSupport.parkNanos(this, Math.min(left, ROOM_RECHECK_NANOS));
        }
        roomWaiter = null;
        return !closed;
    }

    private boolean hasRoom() {
        return queued.get() <= capacity / 2 && socket.isWritable();
    }

    private void wakeRoomWaiter() {
        Thread waiter = roomWaiter;
        if (waiter != null && hasRoom()) {
            LockSupport.unpark(waiter);
        }
    }

    /**
     * Takes no more messages, writes what is queued, then runs {@code andThen} on the
     * socket's thread — right behind the last message, for a close frame. Writes whether
     * or not the socket is writable: the close frame would wait behind it anyway, and a
     * socket that never takes it is cut after the close timeout.
     */
    void finish(Runnable andThen) {
        complete();
        socket.execute(() -> {
            ArrayList<OutboundMessage> batch = BATCH.get();
            try {
                OutboundMessage message;
                while ((message = queue.poll()) != null) {
                    batch.add(message);
                    if (batch.size() == MAX_BATCH) {
                        socket.writeAndFlush(batch);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    socket.writeAndFlush(batch);
                }
            }
            finally {
                batch.clear();
                queued.set(0);
            }
            andThen.run();
        });
    }

    /**
     * Stops sending: whatever is still queued is dropped (a close frame follows, and the
     * client resumes by seq). Wakes a waiting replay, which then sees the connection
     * gone.
     */
    void complete() {
        synchronized (this) {
            closed = true;
        }
        Thread waiter = roomWaiter;
        if (waiter != null) {
            LockSupport.unpark(waiter);
        }
    }

    int queued() {
        return queued.get();
    }

    private boolean stalledBeyondGrace() {
        if (socket.isWritable()) {
            unwritableSince = -1;
            return false;
        }
        long now = nanoTime.getAsLong();
        if (unwritableSince < 0) {
            unwritableSince = now;
        }
        return now - unwritableSince > graceNanos;
    }

    private void overflow() {
        closed = true;
        onOverflow.run();
    }

}
