package com.agentnexus.gateway.connection;

import com.agentnexus.gateway.protocol.ClientMessageParser;
import com.agentnexus.gateway.protocol.ServerMessages;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
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

    /**
     * A browser handshake from an origin outside {@code allowed-origins} gets 403 (CORS
     * check of the mapping).
     */
    @Bean
    HandlerMapping webSocketHandlerMapping(StreamWebSocketHandler handler, ConnectionProperties properties) {
        var mapping = new SimpleUrlHandlerMapping(Map.of("/ws", handler), -1);
        var origins = new CorsConfiguration();
        if (properties.allowedOrigins().isEmpty()) {
            origins.addAllowedOriginPattern("*");
        }
        else {
            origins.setAllowedOrigins(properties.allowedOrigins());
        }
        origins.addAllowedMethod(HttpMethod.GET);
        origins.addAllowedHeader(CorsConfiguration.ALL);
        mapping.setCorsConfigurations(Map.of("/ws", origins));
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

    @Bean
    ClientMessageParser clientMessageParser() {
        return new ClientMessageParser();
    }

    @Bean
    ServerMessages serverMessages() {
        return new ServerMessages(Clock.systemUTC());
    }

}
