package com.agentnexus.aggregator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MetricsAggregatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(MetricsAggregatorApplication.class, args);
    }
}
