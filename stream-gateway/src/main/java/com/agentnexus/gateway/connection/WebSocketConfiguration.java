package com.agentnexus.gateway.connection;

import com.agentnexus.gateway.protocol.ClientMessageParser;
import com.agentnexus.gateway.protocol.ServerMessages;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/** Maps {@code /ws} to the stream handler, ahead of annotated controllers. */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

    @Bean
    HandlerMapping webSocketHandlerMapping(StreamWebSocketHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of("/ws", handler), -1);
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
