package com.agentnexus.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ConsolePropertiesTest {

    @Test
    void pointsAtTheEmbeddedStacksExecutionServiceByDefault() {
        assertThat(bind(Map.of()).executionServiceUrl()).isEqualTo("http://127.0.0.1:3002");
    }

    @Test
    void keepsAnOriginWithoutItsTrailingSlash() {
        assertThat(bind(Map.of("agentnexus.gateway.console.execution-service-url", "https://api.example.com/"))
            .executionServiceUrl()).isEqualTo("https://api.example.com");
    }

    @Test
    void refusesWhatWouldChangeThePolicyOrThePagesRequests() {
        for (String notAnOrigin : List.of("127.0.0.1:3002", "ws://127.0.0.1:3002", "http://127.0.0.1:3002/api",
                "http://127.0.0.1:3002; script-src *", "http://a b", "http://127.0.0.1:3002?x", "*")) {
            assertThatThrownBy(() -> bind(Map.of("agentnexus.gateway.console.execution-service-url", notAnOrigin)))
                .as(notAnOrigin)
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("agentnexus.gateway.console.execution-service-url");
        }
    }

    @Test
    void thePolicyLetsThePageConnectToTheExecutionServiceAndRunsNothingInline() {
        assertThat(ConsolePageHeaders.contentSecurityPolicy("http://127.0.0.1:3002"))
            .isEqualTo("default-src 'self'; connect-src 'self' ws: wss: http://127.0.0.1:3002; img-src 'self' data:; "
                    + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
                    + "form-action 'self'")
            .doesNotContain("unsafe");
    }

    private static ConsoleProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("agentnexus.gateway.console",
                ConsoleProperties.class);
    }

}
