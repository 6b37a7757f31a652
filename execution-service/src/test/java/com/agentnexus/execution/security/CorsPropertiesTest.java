package com.agentnexus.execution.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CorsPropertiesTest {

    @Test
    void allowsTheGatewaysConsoleByDefault() {
        assertThat(bind(Map.of()).allowedOrigins()).containsExactly("http://127.0.0.1:3001", "http://localhost:3001");
    }

    @Test
    void takesAListOfOriginsAsABrowserSendsThem() {
        var props = bind(Map.of("agentnexus.execution.cors.allowed-origins",
                "https://console.example.com, http://127.0.0.1:8080/ ,http://[::1]:3001"));

        assertThat(props.allowedOrigins()).containsExactly("https://console.example.com", "http://127.0.0.1:8080",
                "http://[::1]:3001");
    }

    @Test
    void anEmptyListAllowsNoOtherOrigin() {
        assertThat(bind(Map.of("agentnexus.execution.cors.allowed-origins", "")).allowedOrigins()).isEmpty();
    }

    @Test
    void refusesWildcardsSoThatTheApiNeverAnswersAStar() {
        for (String wildcard : List.of("*", "https://*.example.com", "http://localhost:*")) {
            assertRefused(wildcard, "wildcards are not supported");
        }
    }

    @Test
    void refusesWhatCanNeverMatchAnOriginHeader() {
        for (String notAnOrigin : List.of("localhost:3001", "127.0.0.1", "null", "file:///tmp/console.html",
                "ws://127.0.0.1:3001", "http://127.0.0.1:3001/console", "http://user@127.0.0.1:3001",
                "http://127.0.0.1:3001?x=1", "http://127.0.0.1:3001#top", "http://bad host")) {
            assertRefused(notAnOrigin, "is not an origin");
        }
    }

    private static void assertRefused(String origin, String message) {
        assertThatThrownBy(() -> bind(Map.of("agentnexus.execution.cors.allowed-origins", origin))).as(origin)
            .isInstanceOf(BindException.class)
            .rootCause()
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(message)
            .hasMessageContaining("agentnexus.execution.cors.allowed-origins");
    }

    private static CorsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("agentnexus.execution.cors",
                CorsProperties.class);
    }

}
