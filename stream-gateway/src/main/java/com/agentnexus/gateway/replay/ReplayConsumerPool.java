package com.agentnexus.gateway.replay;

import com.agentnexus.gateway.kafka.EventConsumers;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * At most {@code size} replay consumers, created when first needed and reused: a
 * subscribe borrows one for its replay, which assigns its partitions and gives them up
 * before returning it. A consumer that failed is closed rather than reused.
 */
final class ReplayConsumerPool implements AutoCloseable {

    private final EventConsumers consumers;

    private final int size;

    private final LinkedBlockingDeque<Consumer<String, String>> idle = new LinkedBlockingDeque<>();

    private final AtomicInteger open = new AtomicInteger();

    private final AtomicInteger names = new AtomicInteger();

    private volatile boolean closed;

    ReplayConsumerPool(EventConsumers consumers, int size) {
        this.consumers = consumers;
        this.size = size;
    }

    Consumer<String, String> borrow(Duration timeout) throws InterruptedException {
        Consumer<String, String> consumer = idle.pollFirst();
        if (consumer != null) {
            return consumer;
        }
        if (open.incrementAndGet() <= size) {
            try {
                return consumers.create("stream-gateway-replay-", Integer.toString(names.incrementAndGet()));
            }
            catch (RuntimeException e) {
                open.decrementAndGet();
                throw e;
            }
        }
        open.decrementAndGet();
        consumer = idle.pollFirst(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (consumer == null) {
            throw new IllegalStateException("no replay consumer free within " + timeout);
        }
        return consumer;
    }

    void release(Consumer<String, String> consumer, boolean healthy) {
        if (healthy && !closed) {
            try {
                consumer.unsubscribe();
                idle.offerFirst(consumer);
                return;
            }
            catch (RuntimeException e) {
                // closed below
            }
        }
        open.decrementAndGet();
        consumer.close(Duration.ofSeconds(1));
    }

    @Override
    public void close() {
        closed = true;
        Consumer<String, String> consumer;
        while ((consumer = idle.pollFirst()) != null) {
            consumer.close(Duration.ofSeconds(1));
        }
    }

}
