package com.agentnexus.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Serves execution events to WebSocket subscribers: history replayed from Kafka, then live. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StreamGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(StreamGatewayApplication.class, args);
    }
}
