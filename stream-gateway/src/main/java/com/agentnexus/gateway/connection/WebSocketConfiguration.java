package com.agentnexus.gateway.connection;

import com.agentnexus.gateway.protocol.ClientMessageParser;
import com.agentnexus.gateway.protocol.ServerMessages;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;

/**
 * Maps {@code /ws} to the stream handler, ahead of annotated controllers, and upgrades on the connection's event
 * loop (see {@link EventLoopUpgradeStrategy}).
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

    @Bean
    HandlerMapping webSocketHandlerMapping(StreamWebSocketHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of("/ws", handler), -1);
    }

    @Bean
    WebFluxConfigurer webSocketServiceConfigurer() {
        return new WebFluxConfigurer() {
            @Override
            public WebSocketService getWebSocketService() {
                return new HandshakeWebSocketService(new EventLoopUpgradeStrategy());
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
