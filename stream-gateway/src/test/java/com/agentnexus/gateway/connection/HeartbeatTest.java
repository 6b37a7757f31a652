package com.agentnexus.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.socket.CloseStatus;

/** The one heartbeat of all connections: how often it runs, and what one beat does. */
class HeartbeatTest {

    private final AtomicLong now = new AtomicLong();

    private final FakeSocket socket = new FakeSocket();

    @Test
    void beatsTenTimesPerIdleTimeoutOrOncePerPingAtMostOnceASecondAndNotFasterThan10Ms() {
        assertThat(ActiveConnections.beatEvery(Duration.ofSeconds(30), Duration.ofSeconds(60)))
            .isEqualTo(Duration.ofSeconds(1));
        assertThat(ActiveConnections.beatEvery(Duration.ofMillis(200), Duration.ofSeconds(1)))
            .isEqualTo(Duration.ofMillis(100));
        assertThat(ActiveConnections.beatEvery(Duration.ofMillis(50), Duration.ofSeconds(1)))
            .isEqualTo(Duration.ofMillis(50));
        assertThat(ActiveConnections.beatEvery(Duration.ofMillis(20), Duration.ofMillis(50)))
            .isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void aBeatPingsOncePerPingIntervalWhileTheClientIsHeard() {
        var silence = new Silence(Duration.ofSeconds(60), now::get);
        OpenConnection connection = connection(silence, status -> {
        });

        connection.beat(at(Duration.ofSeconds(29)));
        socket.runTasks();
        assertThat(socket.pings).isZero();

        connection.beat(at(Duration.ofSeconds(30)));
        connection.beat(at(Duration.ofSeconds(31)));
        socket.runTasks();
        assertThat(socket.pings).isEqualTo(1);

        silence.heard();
        connection.beat(at(Duration.ofSeconds(60)));
        socket.runTasks();
        assertThat(socket.pings).isEqualTo(2);
    }

    @Test
    void aBeatClosesAConnectionSilentForTheIdleTimeout() {
        var silence = new Silence(Duration.ofSeconds(60), now::get);
        var closedWith = new AtomicReference<CloseStatus>();
        OpenConnection connection = connection(silence, closedWith::set);

        connection.beat(at(Duration.ofSeconds(59)));
        socket.runTasks();
        assertThat(closedWith).hasNullValue();

        connection.beat(at(Duration.ofSeconds(60)));
        socket.runTasks();
        assertThat(closedWith).hasValue(StreamWebSocketHandler.IDLE);
    }

    private long at(Duration sinceOpen) {
        now.set(sinceOpen.toNanos());
        return now.get();
    }

    private OpenConnection connection(Silence silence, Consumer<CloseStatus> closer) {
        var outbound = new Outbound(100, socket, Duration.ofSeconds(10), now::get, () -> {
        });
        return new OpenConnection(closer, outbound, silence, Duration.ofSeconds(30), now::get);
    }

}
