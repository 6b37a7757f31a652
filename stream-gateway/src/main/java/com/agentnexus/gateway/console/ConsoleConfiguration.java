package com.agentnexus.gateway.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    ConsolePageHeaders consolePageHeaders(ConsoleProperties properties) {
        return new ConsolePageHeaders(ConsolePaths.PUBLIC, properties.executionServiceUrl());
    }

}
