package com.agentnexus.gateway;

import com.agentnexus.support.KafkaTopicsConfiguration;
import com.agentnexus.support.ProblemConfiguration;
import com.agentnexus.support.ServiceHealthConfiguration;
import com.agentnexus.support.ServiceMetricsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * Serves execution events to WebSocket subscribers: history replayed from Kafka, then
 * live.
 */
@SpringBootApplication
@Import({ KafkaTopicsConfiguration.class, ServiceHealthConfiguration.class, ServiceMetricsConfiguration.class,
        ProblemConfiguration.class })
@ConfigurationPropertiesScan
public class StreamGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(StreamGatewayApplication.class, args);
    }

}
