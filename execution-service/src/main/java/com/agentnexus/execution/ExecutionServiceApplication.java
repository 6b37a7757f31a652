package com.agentnexus.execution;

import com.agentnexus.support.KafkaTopicsConfiguration;
import com.agentnexus.support.ProblemConfiguration;
import com.agentnexus.support.ServiceHealthConfiguration;
import com.agentnexus.support.ServiceMetricsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@Import({ KafkaTopicsConfiguration.class, ServiceHealthConfiguration.class, ServiceMetricsConfiguration.class,
        ProblemConfiguration.class })
@ConfigurationPropertiesScan
public class ExecutionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExecutionServiceApplication.class, args);
    }

}
