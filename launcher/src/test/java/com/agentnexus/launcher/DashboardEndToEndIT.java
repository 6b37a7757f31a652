package com.agentnexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.agentnexus.launcher.support.FreePorts;
import com.agentnexus.monitoring.DashboardQueries;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard against the real system: the embedded stack and a real Prometheus with
 * the repository's configuration, a realistic mix of executions (completed, failed, timed
 * out, cancelled, watched over WebSocket), then every query of every panel of the
 * dashboard JSON, template variables substituted, run against Prometheus's HTTP API: each
 * must return data, and where the value is knowable it must be the one driven.
 */
class DashboardEndToEndIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private static Stack stack;

    private static String prometheus;

    @BeforeAll
    static void startStackWithPrometheus() throws Exception {
        var binary = PrometheusNode.binary();
        if (binary.isEmpty()) {
            // CI installs the Debian package: there a missing binary is a failure, never
            // a skip
            assertThat("true".equals(System.getenv("CI"))).as("prometheus on the PATH under CI").isFalse();
            assumeTrue(false, "no prometheus binary on the PATH (apt-get install prometheus)");
        }
        Path dataDir = Files.createTempDirectory("agentnexus-dashboard");
        int[] ports = FreePorts.allocate(8);
        var config = new StackConfig(dataDir, AgentNexusLauncher.servicesDir(), ports[0], ports[1], ports[2], ports[3],
                ports[4], ports[5], StackConfig.DEV_JWT_SECRET, AgentNexusLauncher.monitoringDir(), ports[7], INTERVAL);
        stack = Stack.start(config, System.getProperty("java.class.path"));
        prometheus = stack.prometheusUrl().orElseThrow();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyPanelShowsDataFromTheRealSystem() throws Exception {
        String demo = TokenCommand.demoToken("dashboard", false);
        String wsUrl = stack.gatewayUrl().replace("http", "ws") + "/ws";
        List<String> finished = new ArrayList<>();
        // an agent that runs until it is cancelled, so that container gauges exist long
        // enough to be scraped
        HttpResponse<String> agent = post("/api/agents", TokenCommand.demoToken("ops", true),
                "{\"id\":\"dashboard-long\",\"name\":\"Dashboard long runner\",\"priceWei\":\"1\","
                        + "\"timeoutMs\":120000,\"script\":\"i=0; while [ $i -lt 1200 ]; do echo tick $i; "
                        + "i=$((i+1)); sleep 0.1; done\"}");
        assertThat(agent.statusCode()).as(agent.body()).isEqualTo(201);
        String cancelled = start(demo, "dashboard-long");
        String slow = start(demo, "demo-slow");
        try (var watcher = WebSocketProbe.connect(wsUrl, demo)) {
            watcher.subscribe(slow);
            for (int i = 0; i < 3; i++) {
                finished.add(start(demo, "demo-worker"));
            }
            for (int i = 0; i < 2; i++) {
                finished.add(start(demo, "demo-failing"));
            }
            // container gauges exist only while executions run: remember a moment
            // Prometheus saw them (the query's own evaluation time, not the test's clock
            // cut to the second: right after start-up that second can begin before
            // Prometheus's first scrape)
            JsonNode whileRunning = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> series("count(agentnexus_container_memory_bytes)", null), result -> !result.isEmpty()
                        && Double.parseDouble(result.get(0).path("value").get(1).asString()) >= 1);
            String runningAt = whileRunning.get(0).path("value").get(0).decimalValue().toPlainString();
            HttpResponse<String> cancel = post("/api/executions/" + cancelled + "/cancel", demo);
            assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
            assertThat(watcher.untilTerminal(Duration.ofSeconds(60))).last()
                .satisfies(m -> assertThat(m.path("data").path("status").asString()).isEqualTo("TIMED_OUT"));

            // 7 executions: 3 completed, 2 failed, 1 timed out, 1 cancelled
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(instant("sum(agentnexus_executions_total)")).isEqualTo(7);
                assertThat(instant("sum(agentnexus_execution_status_total{status=~\"COMPLETED|FAILED|TIMED_OUT|"
                        + "CANCELLED\"})"))
                    .isEqualTo(7);
            });
            // two more scrapes of every target, so rate() has points after the last
            // change: the change was scraped at or before this evaluation time, so a
            // scrape at least one interval later is the second after it
            double settledAt = series("sum(agentnexus_executions_total)", null).get(0).path("value").get(0).asDouble();
            await("two scrapes of every target after the last change").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> instant("min(timestamp(up))"), at -> at >= settledAt + INTERVAL.toSeconds());

            Map<String, String> empty = new LinkedHashMap<>();
            StringBuilder report = new StringBuilder("panel / query | series now | series while executions ran\n");
            var queries = DashboardQueries.load(dashboard());
            assertThat(queries).hasSizeGreaterThanOrEqualTo(20);
            for (var query : queries) {
                int now = series(query.expr(), null).size();
                int then = series(query.expr(), runningAt).size();
                report.append(query.panelTitle())
                    .append(" / ")
                    .append(query.refId())
                    .append(" | ")
                    .append(now)
                    .append(" | ")
                    .append(then)
                    .append('\n');
                if (now == 0 && then == 0) {
                    empty.put(query.panelTitle() + " / " + query.refId(), query.expr());
                }
            }
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "dashboard-e2e-report.txt"), report);
            assertThat(empty).as("panel queries that returned no series").isEmpty();

            assertThat(instant("sum by (status) (agentnexus_execution_status_total{status=\"COMPLETED\"})"))
                .isEqualTo(3);
            assertThat(instant("sum(agentnexus_execution_status_total{status=\"FAILED\"})")).isEqualTo(2);
            assertThat(instant("sum(agentnexus_execution_status_total{status=\"TIMED_OUT\"})")).isEqualTo(1);
            assertThat(instant("sum(agentnexus_execution_status_total{status=\"CANCELLED\"})")).isEqualTo(1);
            assertThat(instant("sum(agentnexus_agent_revenue_wei_total)")).isEqualTo(3e18);
        }
        assertThat(finished).hasSize(5);
    }

    private static Path dashboard() throws Exception {
        return AgentNexusLauncher.servicesDir()
            .getParent()
            .getParent()
            .getParent()
            .resolve("monitoring/grafana/dashboards/agentnexus.json");
    }

    private static String start(String token, String agent) throws Exception {
        HttpResponse<String> started = HTTP
            .send(HttpRequest.newBuilder(URI.create(stack.executionUrl() + "/api/executions"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"agentId\":\"" + agent + "\",\"input\":{}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return WebSocketProbe.JSON.readTree(started.body()).path("executionId").asString();
    }

    private static HttpResponse<String> post(String path, String token, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.executionUrl() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.executionUrl() + path))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The single value of an instant query now (0 if it returned nothing). */
    private static double instant(String expr) throws Exception {
        JsonNode result = series(expr, null);
        return result.isEmpty() ? 0 : Double.parseDouble(result.get(0).path("value").get(1).asString());
    }

    /**
     * The result vector of an instant query, at {@code time} (epoch seconds, as
     * Prometheus writes them) or now.
     */
    private static JsonNode series(String expr, String time) throws Exception {
        String url = prometheus + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)
                + (time == null ? "" : "&time=" + time);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s → %s", expr, response.body()).isEqualTo(200);
        JsonNode body = WebSocketProbe.JSON.readTree(response.body());
        assertThat(body.path("status").asString()).as(expr).isEqualTo("success");
        return body.path("data").path("result");
    }

}
