package com.agentnexus.gateway.console;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the console's page where the execution service is, so that the page needs no
 * build per deployment and follows the ports the launcher chose.
 */
@RestController
class ConsoleConfigController {

    /** The answer of {@code GET /console/config}. */
    record ConsoleConfig(String executionServiceUrl) {
    }

    private final ConsoleConfig config;

    ConsoleConfigController(ConsoleProperties properties) {
        this.config = new ConsoleConfig(properties.executionServiceUrl());
    }

    @GetMapping("/console/config")
    ConsoleConfig config() {
        return config;
    }

}
