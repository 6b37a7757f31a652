package com.agentnexus.gateway.connection;

import com.agentnexus.gateway.protocol.ClientMessageParser;
import com.agentnexus.gateway.protocol.ServerMessages;
import io.micrometer.observation.ObservationPredicate;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Maps {@code /ws} to the stream handler, ahead of annotated controllers, and upgrades on
 * the connection's event loop (see {@link EventLoopUpgradeStrategy}).
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

    static final String WEB_SOCKET_PATH = "/ws";

    /**
     * A browser handshake from an origin outside {@code allowed-origins} gets 403 (CORS
     * check of the mapping).
     */
    @Bean
    HandlerMapping webSocketHandlerMapping(StreamWebSocketHandler handler, ConnectionProperties properties) {
        var mapping = new SimpleUrlHandlerMapping(Map.of(WEB_SOCKET_PATH, handler), -1);
        var origins = new CorsConfiguration();
        if (properties.allowedOrigins().isEmpty()) {
            origins.addAllowedOriginPattern("*");
        }
        else {
            origins.setAllowedOrigins(properties.allowedOrigins());
        }
        origins.addAllowedMethod(HttpMethod.GET);
        origins.addAllowedHeader(CorsConfiguration.ALL);
        mapping.setCorsConfigurations(Map.of(WEB_SOCKET_PATH, origins));
        return mapping;
    }

    /**
     * A client frame beyond {@code max-frame-size} closes the connection with 1009
     * (Netty's frame decoder).
     */
    @Bean
    WebFluxConfigurer webSocketServiceConfigurer(ConnectionProperties properties) {
        int maxFrame = (int) properties.maxFrameSize().toBytes();
        return new WebFluxConfigurer() {
            @Override
            public WebSocketService getWebSocketService() {
                return new HandshakeWebSocketService(
                        new EventLoopUpgradeStrategy(new ReactorNettyRequestUpgradeStrategy(
                                () -> WebsocketServerSpec.builder().maxFramePayloadLength(maxFrame))));
            }
        };
    }

    /**
     * No {@code http.server.requests} observation of {@code /ws}: a WebSocket "request"
     * lasts as long as its connection, so the observation, its context and its active
     * timer sample would stay alive — and be counted as one slow request — for each
     * connection. Connections have their own meters ({@code agentnexus_websocket_*}).
     */
    @Bean
    ObservationPredicate noRequestObservationOfWebSockets() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && WEB_SOCKET_PATH.equals(request.getCarrier().getPath().value()));
    }

    @Bean
    ClientMessageParser clientMessageParser() {
        return new ClientMessageParser();
    }

    @Bean
    ServerMessages serverMessages() {
        return new ServerMessages(Clock.systemUTC());
    }

}
