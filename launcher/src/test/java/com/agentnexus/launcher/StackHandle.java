package com.agentnexus.launcher;

import com.agentnexus.launcher.support.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The embedded stack for tests outside this package (the fault suite): the same
 * {@link Stack} as command 1 on free ports, with its addresses and tokens signed with its
 * secret.
 */
public final class StackHandle implements AutoCloseable {

    /** The supervised nodes, by the names the launcher reports them under. */
    public static final String POSTGRES = Stack.POSTGRES;

    public static final String KAFKA = Stack.KAFKA;

    public static final String EXECUTION_SERVICE = Stack.EXECUTION_SERVICE;

    public static final String STREAM_GATEWAY = Stack.STREAM_GATEWAY;

    public static final String METRICS_AGGREGATOR = Stack.METRICS_AGGREGATOR;

    private final Stack stack;

    private StackHandle(Stack stack) {
        this.stack = stack;
    }

    public static StackHandle start(Path dataDir) throws Exception {
        int[] ports = FreePorts.allocate(7);
        var config = new StackConfig(dataDir, AgentNexusLauncher.servicesDir(), ports[0], ports[1], ports[2], ports[3],
                ports[4], ports[5], StackConfig.DEV_JWT_SECRET);
        return new StackHandle(Stack.start(config, System.getProperty("java.class.path")));
    }

    public String executionUrl() {
        return stack.executionUrl();
    }

    public String gatewayUrl() {
        return stack.gatewayUrl();
    }

    public String aggregatorUrl() {
        return stack.aggregatorUrl();
    }

    public String kafkaBootstrap() {
        return stack.config().kafkaBootstrap();
    }

    public int postgresPort() {
        return stack.config().postgresPort();
    }

    public String databaseName() {
        return StackConfig.DB_NAME;
    }

    public String databaseUser() {
        return StackConfig.DB_USER;
    }

    public String databasePassword() {
        return StackConfig.DB_PASSWORD;
    }

    public String jwtSecret() {
        return stack.config().jwtSecret();
    }

    public Path dataDir() {
        return stack.config().dataDir();
    }

    public Path servicesDir() {
        return stack.config().servicesDir();
    }

    public Path logDir() {
        return stack.config().logDir();
    }

    /**
     * The pid of the node's running incarnation, as the launcher's supervisor knows it;
     * empty between two.
     */
    public Optional<Long> pid(String node) {
        return stack.pid(node);
    }

    /** How often the launcher restarted the node after it died. */
    public int restarts(String node) {
        return stack.restarts(node);
    }

    /**
     * What the supervisor saw happen to the node (died, stopped, restart failed,
     * restarted), oldest first.
     */
    public List<String> supervision(String node) {
        return stack.events().stream().filter(event -> event.node().equals(node)).map(StackHandle::describe).toList();
    }

    private static String describe(SupervisionEvent event) {
        if (event instanceof SupervisionEvent.Died died) {
            return "died (pid " + died.pid() + ", exit " + died.exitCode() + ")"
                    + died.restartIn().map(in -> ", restart in " + in.toMillis() + " ms").orElse(", given up");
        }
        if (event instanceof SupervisionEvent.Stopped stopped) {
            return "stopped cleanly (pid " + stopped.pid() + "), not restarted";
        }
        if (event instanceof SupervisionEvent.RestartFailed failed) {
            return "restart failed: " + failed.reason();
        }
        var restarted = (SupervisionEvent.Restarted) event;
        return "restarted (pid " + restarted.pid() + ", restart " + restarted.restarts() + ")";
    }

    /**
     * What command 1 prints once this stack is up (URLs, the demo token, the web
     * console's link).
     */
    public String banner() {
        return Banner.render(stack);
    }

    public String token(String user, boolean admin) {
        return DemoTokens.mint(jwtSecret(), user, admin ? List.of("admin") : List.of(), Duration.ofDays(1));
    }

    @Override
    public void close() {
        stack.close();
    }

}
