package com.agentnexus.bench;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One client connection: receives every message, stamps its receive time and hands the
 * cheap-parsed fields to the current {@link Sink}. Counts what it received.
 */
public final class BenchSocket implements WebSocket.Listener {

    /**
     * What a scenario does with each received message; called on the client's threads.
     */
    @FunctionalInterface
    public interface Sink {

        /**
         * @param receivedAtMillis epoch ms when the message was complete
         * @param message the whole text frame
         */
        void accept(BenchSocket socket, char type, long seq, long timestamp, long receivedAtMillis, String message);

        Sink NONE = (socket, type, seq, timestamp, receivedAtMillis, message) -> {
        };

    }

    private final int index;

    private volatile Sink sink = Sink.NONE;

    private volatile @Nullable WebSocket webSocket;

    private final AtomicLong received = new AtomicLong();

    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private @Nullable StringBuilder partial;

    BenchSocket(int index) {
        this.index = index;
    }

    public int index() {
        return index;
    }

    public void sink(Sink sink) {
        this.sink = sink;
    }

    public long received() {
        return received.get();
    }

    /**
     * Completes with the close code when the server closed the connection (or -1 on an
     * error).
     */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    public void subscribe(String executionId) {
        send("{\"type\":\"subscribe\",\"executionId\":\"" + executionId + "\"}");
    }

    public void send(String text) {
        WebSocket ws = webSocket;
        if (ws == null) {
            throw new IllegalStateException("not open");
        }
        // the JDK client allows one outstanding send: sends of one socket are serialised
        synchronized (this) {
            ws.sendText(text, true).join();
        }
    }

    public void close() {
        WebSocket ws = webSocket;
        if (ws != null && !ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        if (ws != null) {
            ws.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.webSocket = webSocket;
        // unbounded demand: onText handles each message synchronously, so there is
        // nothing to
        // pace, and no demand bookkeeping per message
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        String message;
        if (!last) {
            if (partial == null) {
                partial = new StringBuilder();
            }
            partial.append(data);
            return null;
        }
        if (partial != null) {
            message = partial.append(data).toString();
            partial = null;
        }
        else {
            message = data.toString();
        }
        long now = System.currentTimeMillis();
        received.incrementAndGet();
        char type = ServerFrame.type(message);
        sink.accept(this, type, ServerFrame.seq(message), ServerFrame.timestamp(message), now, message);
        return null;
    }

    @Override
    public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        return null;
    }

    @Override
    public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

}
