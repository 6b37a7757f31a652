package com.agentnexus.aggregator.acceptance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code GET /api/revenue}: the exact totals and the offsets they were
 * committed with.
 */
record RevenueReport(BigInteger totalWei, BigDecimal totalEth, long executions, Map<String, Agent> agents,
        Map<TopicPartition, Long> offsets) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Agent(String agentName, BigInteger revenueWei, BigDecimal revenueEth, long executions) {
    }

    /**
     * Asks {@code aggregator} as an admin; /api/revenue reads PostgreSQL, so any instance
     * gives global totals.
     */
    static RevenueReport fetch(AggregatorProcess aggregator) {
        var response = aggregator.get("/api/revenue", BearerTokens.admin())
            .orElseThrow(() -> new AssertionError(aggregator.name() + " does not answer /api/revenue"));
        if (response.statusCode() != 200) {
            throw new AssertionError("/api/revenue of %s answered %d: %s".formatted(aggregator.name(),
                    response.statusCode(), response.body()));
        }
        return parse(response.body());
    }

    /**
     * Reads the report; amounts must be decimal strings, since Wei exceed what a JSON
     * number carries exactly.
     */
    static RevenueReport parse(String body) {
        JsonNode root = JSON.readTree(body);
        Map<String, Agent> agents = new TreeMap<>();
        for (JsonNode agent : root.required("agents")) {
            agents.put(text(agent, "agentId"),
                    new Agent(text(agent, "agentName"), new BigInteger(text(agent, "revenueWei")),
                            new BigDecimal(text(agent, "revenueEth")), agent.required("executions").longValue()));
        }
        Map<TopicPartition, Long> offsets = new TreeMap<>((a, b) -> a.topic().equals(b.topic())
                ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
        for (JsonNode offset : root.required("offsets")) {
            offsets.put(new TopicPartition(text(offset, "topic"), offset.required("partition").intValue()),
                    offset.required("nextOffset").longValue());
        }
        return new RevenueReport(new BigInteger(text(root, "totalWei")), new BigDecimal(text(root, "totalEth")),
                root.required("executions").longValue(), agents, offsets);
    }

    /**
     * The agents that earned something: an agent listed with nothing is not a difference.
     */
    Map<String, Agent> earningAgents() {
        Map<String, Agent> earning = new TreeMap<>(agents);
        earning.values().removeIf(a -> a.executions() == 0 && a.revenueWei().signum() == 0);
        return earning;
    }

    List<String> offsetsBehind(Map<TopicPartition, Long> endOffsets) {
        List<String> behind = new ArrayList<>();
        endOffsets.forEach((partition, end) -> {
            long next = offsets.getOrDefault(partition, 0L);
            if (end > 0 && next != end) {
                behind.add("%s at %d of %d".formatted(partition, next, end));
            }
        });
        return behind;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.required(field);
        if (!value.isString()) {
            throw new IllegalArgumentException("'" + field + "' must be a string, was " + value);
        }
        return value.stringValue();
    }
}
