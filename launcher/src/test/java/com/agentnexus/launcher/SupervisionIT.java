package com.agentnexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentnexus.launcher.support.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The launcher supervises what it started: services SIGKILLed behind its back come back
 * ready with a new pid and their death is reported; stopping the stack leaves no process
 * behind, not even one a restart is bringing up. One stack for every scenario, as
 * starting one takes most of the time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class SupervisionIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(4);

    private static final List<String> NODES = List.of(Stack.POSTGRES, Stack.KAFKA, Stack.EXECUTION_SERVICE,
            Stack.STREAM_GATEWAY, Stack.METRICS_AGGREGATOR);

    private Stack stack;

    @BeforeAll
    void startStack() throws Exception {
        Path dataDir = Files.createTempDirectory("agentnexus-supervision");
        int[] ports = FreePorts.allocate(6);
        var config = new StackConfig(dataDir, AgentNexusLauncher.servicesDir(), ports[0], ports[1], ports[2], ports[3],
                ports[4], ports[5], StackConfig.DEV_JWT_SECRET);
        stack = Stack.start(config, System.getProperty("java.class.path"));
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void servicesKilledWithSigkillAreReportedAndRestartedReady() {
        long gateway = stack.pid(Stack.STREAM_GATEWAY).orElseThrow();
        long execution = stack.pid(Stack.EXECUTION_SERVICE).orElseThrow();

        sigkill(gateway);
        sigkill(execution);

        awaitRestarted(Stack.STREAM_GATEWAY, gateway, stack.gatewayUrl());
        awaitRestarted(Stack.EXECUTION_SERVICE, execution, stack.executionUrl());
        assertThat(stack.events()).anySatisfy(event -> assertDeathReported(event, Stack.STREAM_GATEWAY, gateway));
        assertThat(stack.events()).anySatisfy(event -> assertDeathReported(event, Stack.EXECUTION_SERVICE, execution));
        assertThat(stack.restarts(Stack.STREAM_GATEWAY)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void stoppingTheStackLeavesNoProcessBehindEvenWhileARestartIsUnderWay() {
        List<ProcessHandle> started = new ArrayList<>();
        NODES.forEach(node -> started.add(ProcessHandle.of(stack.pid(node).orElseThrow()).orElseThrow()));
        started.addAll(ProcessHandle.current().descendants().toList());
        ProcessHandle aggregator = ProcessHandle.of(stack.pid(Stack.METRICS_AGGREGATOR).orElseThrow()).orElseThrow();

        sigkill(aggregator.pid());
        // the restart's new JVM runs but is not ready yet: the launcher is in the middle
        // of bringing it back
        ProcessHandle restarting = await().atMost(Duration.ofSeconds(60))
            .until(() -> serviceJvm(Stack.METRICS_AGGREGATOR, aggregator.pid()), Optional::isPresent)
            .orElseThrow();
        started.add(restarting);
        stack.close();

        assertThat(started).as("every process the stack started, the restarting aggregator included")
            .noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }

    private void awaitRestarted(String service, long oldPid, String baseUrl) {
        await().atMost(RESTART_TIMEOUT).untilAsserted(() -> {
            assertThat(stack.pid(service)).get().isNotEqualTo(oldPid);
            assertThat(readiness(baseUrl)).isEqualTo(200);
        });
        assertThat(ProcessHandle.of(oldPid).filter(ProcessHandle::isAlive)).isEmpty();
        long pid = stack.pid(service).orElseThrow();
        assertThat(stack.events()).contains(new SupervisionEvent.Restarted(service, pid, 1));
    }

    private static void assertDeathReported(SupervisionEvent event, String service, long pid) {
        assertThat(event).isInstanceOfSatisfying(SupervisionEvent.Died.class, died -> {
            assertThat(died.node()).isEqualTo(service);
            assertThat(died.pid()).isEqualTo(pid);
            assertThat(died.exitCode()).as("128 + SIGKILL").isEqualTo(137);
            assertThat(died.lastLines()).isNotEmpty().hasSizeLessThanOrEqualTo(20);
            assertThat(died.restartIn()).contains(Duration.ofSeconds(1));
        });
    }

    /**
     * A child JVM running the service's jar other than {@code except}: how the OS sees a
     * service.
     */
    private static Optional<ProcessHandle> serviceJvm(String service, long except) {
        return ProcessHandle.current()
            .children()
            .filter(process -> process.pid() != except)
            .filter(process -> process.info().commandLine().orElse("").contains(service + ".jar"))
            .findFirst();
    }

    private static void sigkill(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static int readiness(String baseUrl) {
        try {
            return HTTP
                .send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        }
        catch (Exception notYet) {
            return -1;
        }
    }

}
