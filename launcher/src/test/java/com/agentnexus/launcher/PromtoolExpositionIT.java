package com.agentnexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.agentnexus.launcher.support.FreePorts;
import com.agentnexus.support.ExpositionSample;
import com.agentnexus.support.PrometheusScrape;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every service's {@code /metrics}, as the stack of README command 1 serves it after one
 * demo execution, passes {@code promtool check metrics}: Prometheus' own linter (counters
 * end in {@code _total}, every family has HELP, base units, valid names). Without
 * promtool on the PATH the test is skipped, saying why; under CI ({@code CI=true}, where
 * .ci/run installs it) it fails, so a missing linter can never hide behind a skip.
 */
class PromtoolExpositionIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path promtool;

    private static Stack stack;

    @BeforeAll
    static void startStackAndRunOneExecution() throws Exception {
        promtool = requirePromtool();
        Path dataDir = Files.createTempDirectory("agentnexus-promtool");
        int[] ports = FreePorts.allocate(7);
        var config = new StackConfig(dataDir, AgentNexusLauncher.servicesDir(), ports[0], ports[1], ports[2], ports[3],
                ports[4], ports[5], StackConfig.DEV_JWT_SECRET);
        stack = Stack.start(config, System.getProperty("java.class.path"));

        // one finished execution, so labelled counters and histogram buckets exist, not
        // only the idle meters
        HttpResponse<String> started = HTTP
            .send(HttpRequest.newBuilder(URI.create(stack.executionUrl() + "/api/executions"))
                .header("Authorization", "Bearer " + TokenCommand.demoToken("promtool", false))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"agentId\":\"demo-failing\",\"input\":{}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(scrape("metrics-aggregator")).contains("agentnexus_executions_total{")
                .contains("agentnexus_execution_duration_seconds_count{"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "execution-service", "stream-gateway", "metrics-aggregator" })
    void promtoolFindsNothingToComplainAbout(String service) throws Exception {
        String exposition = scrape(service);
        Path scraped = Files.createTempFile("agentnexus-" + service, ".prom");
        Files.writeString(scraped, exposition);

        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(scraped.toFile())
            .redirectErrorStream(true)
            .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).as("promtool finishes").isTrue();
        Files.delete(scraped);

        assertThat(output).as("promtool check metrics on %s's /metrics said:%n%s", service, output).isBlank();
        assertThat(check.exitValue()).as("promtool's exit code; it said:%n%s", output).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "execution-service", "stream-gateway", "metrics-aggregator" })
    void everyAgentnexusAndJvmSampleNamesItsApplication(String service) throws Exception {
        List<ExpositionSample> samples = PrometheusScrape.of(scrape(service))
            .samples()
            .stream()
            .filter(s -> s.name().startsWith("agentnexus_") || s.name().startsWith("jvm_"))
            .toList();

        assertThat(samples).anyMatch(s -> s.name().startsWith("jvm_"))
            .allSatisfy(s -> assertThat(s.labels()).as(s.name()).containsEntry("application", service));
    }

    private static String scrape(String service) throws Exception {
        String base = switch (service) {
            case "execution-service" -> stack.executionUrl();
            case "stream-gateway" -> stack.gatewayUrl();
            case "metrics-aggregator" -> stack.aggregatorUrl();
            default -> throw new IllegalArgumentException(service);
        };
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(service + " /metrics").isEqualTo(200);
        return response.body();
    }

    private static Path requirePromtool() {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(dir -> !dir.isEmpty())
            .map(dir -> Path.of(dir, "promtool"))
            .filter(Files::isExecutable)
            .findFirst();
        if (found.isEmpty()) {
            String reason = "promtool is not on the PATH; install it (Debian: apt-get install prometheus) to lint"
                    + " the services' /metrics";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
        return found.get();
    }

}
