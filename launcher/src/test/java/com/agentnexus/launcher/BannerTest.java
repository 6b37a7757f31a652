package com.agentnexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BannerTest {

    @Test
    void opensWithALinkToTheConsoleThatCarriesTheDemoTokenInItsFragment() {
        var config = new StackConfig(Path.of("/data"), Path.of("/services"), 25432, 29092, 29093, 4001, 4002, 4003,
                StackConfig.DEV_JWT_SECRET);

        String banner = Banner.render(Stack.create(config));

        String token = banner.lines()
            .filter(line -> line.strip().startsWith("export TOKEN="))
            .findFirst()
            .orElseThrow()
            .strip()
            .substring("export TOKEN=".length());
        String consoleLine = "Web console: http://127.0.0.1:4001/#token=" + token;
        assertThat(banner).contains(consoleLine);
        // near the top: before the services' URLs
        assertThat(banner.indexOf(consoleLine)).isLessThan(banner.indexOf("execution-service  http://127.0.0.1:4002"));
    }

}
