package com.agentnexus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.agentnexus.events.ExecutionFixture;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Clients that vanish without a close frame — a reset, a bare FIN, then writes into the
 * dead sockets — are an everyday event: the gateway forgets them, stays up, and logs no
 * stack trace for them (checked with an in-process appender on the root logger).
 */
class AbruptDisconnectIT extends GatewayIntegrationTest {

    private static final Set<String> DISCONNECTS = Set.of("reactor.netty.channel.AbortedException",
            "java.nio.channels.ClosedChannelException", "io.netty.channel.unix.Errors$NativeIoException",
            "java.io.IOException", "java.net.SocketException");

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @Autowired
    private MeterRegistry meters;

    @BeforeEach
    void captureLogs() {
        logged.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        logged.start();
        root().addAppender(logged);
    }

    @AfterEach
    void releaseLogs() {
        root().detachAppender(logged);
        logged.stop();
    }

    @Test
    void clientsDroppingWithoutACloseFrameAreForgottenQuietly() throws Exception {
        ExecutionFixture run = ExecutionFixture.anExecution().ownedBy("alice");
        publish(List.of(run.pending()));
        String subscribe = "{\"type\":\"subscribe\",\"executionId\":\"" + run.executionId() + "\"}";
        List<SilentSocket> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var client = new SilentSocket(port, TestTokens.user("alice"));
            client.send(subscribe);
            assertThat(client.readText()).contains("\"seq\":1");
            clients.add(client);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> openConnections() == 6);

        for (int i = 0; i < clients.size(); i++) {
            clients.get(i).drop(i % 2 == 0);
        }
        // live events for the dropped subscribers: writes into sockets that are gone
        for (int i = 0; i < 50; i++) {
            run.stdout("after the drop " + i);
        }
        publish(run.events().subList(1, run.events().size()));

        await().atMost(Duration.ofSeconds(30)).until(() -> openConnections() == 0);
        try (StreamClient client = connect("alice")) {
            client.subscribe(run.executionId());
            await().atMost(Duration.ofSeconds(15))
                .until(() -> client.seqsOf(run.executionId()).size() == run.events().size());
            client.roundTrip();
        }
        assertThat(logged.list).as("log events with a disconnect's stack trace")
            .noneMatch(event -> event.getThrowableProxy() != null && isDisconnect(event.getThrowableProxy()));
        assertThat(logged.list).as("warnings of the gateway")
            .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN)
                    && event.getLoggerName().startsWith("com.agentnexus.gateway"));
    }

    private static boolean isDisconnect(IThrowableProxy thrown) {
        for (IThrowableProxy cause = thrown; cause != null; cause = cause.getCause()) {
            if (DISCONNECTS.contains(cause.getClassName())) {
                return true;
            }
        }
        return false;
    }

    private double openConnections() {
        return meters.get("agentnexus.active.websocket.connections").gauge().value();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

}
