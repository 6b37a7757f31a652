package com.agentnexus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web console's side of the gateway: a browser loads the page and its configuration
 * without a token, with a Content-Security-Policy naming the configured execution
 * service; everything else still needs a token. The page itself is not part of this
 * module's tests, so {@code /} may well be 404 here: it must just not be 401.
 */
@TestPropertySource(properties = "agentnexus.gateway.console.execution-service-url=https://exec.example:4002/")
class ConsoleIT extends GatewayIntegrationTest {

    private static final String EXECUTION_SERVICE = "https://exec.example:4002";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theConsolesConfigurationNeedsNoTokenAndNamesTheExecutionService() throws Exception {
        HttpResponse<String> config = get("/console/config");

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.headers().firstValue("content-type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JsonMapper.builder().build().readTree(config.body());
        assertThat(body.properties()).hasSize(1);
        assertThat(body.get("executionServiceUrl").stringValue()).isEqualTo(EXECUTION_SERVICE);
        assertPageHeaders(config);
    }

    @Test
    void thePageNeedsNoTokenAndGetsTheSameHeaders() throws Exception {
        for (String path : new String[] { "/", "/index.html", "/favicon.ico", "/console/app.js",
                "/webjars/any/1/x.js" }) {
            HttpResponse<String> page = get(path);

            assertThat(page.statusCode()).as(path).isNotEqualTo(401);
            assertPageHeaders(page);
        }
    }

    @Test
    void everythingElseStillNeedsAToken() throws Exception {
        for (String path : new String[] { "/api/anything", "/api/executions/x/events", "/ws", "/console.html",
                "/index.htm" }) {
            HttpResponse<String> refused = get(path);

            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            assertThat(refused.headers().firstValue("www-authenticate")).as(path).hasValue("Bearer");
            assertThat(refused.headers().firstValue("content-security-policy")).as(path).isEmpty();
        }
        assertThat(RawHandshake.upgrade(port, "/ws", Map.of()).status()).isEqualTo(401);
        // reading is all the console's paths allow
        assertThat(RawHandshake.plain(port, "POST", "/console/config", Map.of()).status()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertPageHeaders(HttpResponse<String> answer) {
        String path = answer.uri().getPath();
        assertThat(answer.headers().allValues("content-security-policy")).as(path)
            .containsExactly("default-src 'self'; connect-src 'self' ws: wss: " + EXECUTION_SERVICE
                    + "; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
                    + "base-uri 'self'; form-action 'self'");
        assertThat(answer.headers().allValues("x-content-type-options")).as(path).containsExactly("nosniff");
        assertThat(answer.headers().allValues("referrer-policy")).as(path).containsExactly("no-referrer");
    }

}
