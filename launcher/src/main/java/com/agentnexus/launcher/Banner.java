package com.agentnexus.launcher;

/**
 * What the launcher prints once the stack is up: the web console's link, URLs, a demo
 * token and a copy-paste example.
 */
final class Banner {

    private Banner() {
    }

    static String render(Stack stack) {
        StackConfig config = stack.config();
        String token = TokenCommand.demoToken("demo", false);
        String secretNote = StackConfig.DEV_JWT_SECRET.equals(config.jwtSecret())
                ? "signed with the DEVELOPMENT secret (see README)" : "signed with AGENTNEXUS_SECURITY_JWT_SECRET";
        return """

                AgentNexus is up.  Data and logs: %s

                Web console: %s
                  (signed in as "demo": the token is in the link's #fragment, which the browser never sends)

                  execution-service  %s   (REST /api/executions, /health/ready, /metrics)
                  stream-gateway     %s   (WebSocket ws://127.0.0.1:%d/ws)
                  metrics-aggregator %s   (/metrics, /api/revenue with an admin token)
                  Kafka              %s      PostgreSQL 127.0.0.1:%d/%s
                  %s

                Token for user "demo", valid 30 days, %s:
                  export TOKEN=%s

                Start demo-worker:
                  curl -s -X POST %s/api/executions -H "Authorization: Bearer $TOKEN" \\
                       -H 'Content-Type: application/json' -d '{"agentId":"demo-worker","input":{"task":"hello"}}'

                Watch it (live, or replayed from seq 1 if it already finished), with the id from the answer:
                  java -jar launcher/target/agentnexus-launcher.jar watch%s <executionId>

                Ctrl-C stops everything.
                """.formatted(config.dataDir(), consoleLink(stack, token), stack.executionUrl(), stack.gatewayUrl(),
                config.gatewayPort(), stack.aggregatorUrl(), config.kafkaBootstrap(), config.postgresPort(),
                StackConfig.DB_NAME, prometheusLine(stack), secretNote, token, stack.executionUrl(),
                config.gatewayPort() == 3001 ? "" : " --url ws://127.0.0.1:" + config.gatewayPort() + "/ws");
    }

    /**
     * The console's page with the demo token in the URL fragment: the page reads it from
     * there, and a fragment is never sent to a server, so it stays out of every request
     * and access log.
     */
    private static String consoleLink(Stack stack, String token) {
        return stack.gatewayUrl() + "/#token=" + token;
    }

    private static String prometheusLine(Stack stack) {
        return stack.prometheusUrl()
            .map(url -> "Prometheus         " + url + "   (scrapes all three, alert rules loaded: " + url + "/alerts)")
            .orElse("Prometheus         not started: no prometheus binary on the PATH (apt-get install "
                    + "prometheus)");
    }

}
