package com.agentnexus.aggregator;

import com.agentnexus.support.KafkaTopicsConfiguration;
import com.agentnexus.support.ProblemConfiguration;
import com.agentnexus.support.ServiceHealthConfiguration;
import com.agentnexus.support.ServiceMetricsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(AggregatorProperties.class)
@Import({ KafkaTopicsConfiguration.class, ServiceHealthConfiguration.class, ServiceMetricsConfiguration.class,
        ProblemConfiguration.class })
public class MetricsAggregatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(MetricsAggregatorApplication.class, args);
    }

}
