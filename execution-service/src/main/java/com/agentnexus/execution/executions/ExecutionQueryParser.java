package com.agentnexus.execution.executions;

import com.agentnexus.events.AgentId;
import com.agentnexus.events.ExecutionStatus;
import com.agentnexus.support.Viewer;
import com.agentnexus.support.StorableText;
import org.jspecify.annotations.Nullable;

/**
 * Turns the query parameters of {@code GET /api/executions} into an
 * {@link ExecutionQuery}, or a precise 400.
 */
final class ExecutionQueryParser {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    private static final int MAX_PAGE = 1_000_000;

    private ExecutionQueryParser() {
    }

    static ExecutionQuery parse(Viewer caller, @Nullable String agentId, @Nullable String status, @Nullable String page,
            @Nullable String size, @Nullable String all) {
        boolean everyone = flag("all", all);
        if (everyone && !caller.admin()) {
            throw ExecutionProblem.forbidden("Only admins may list every user's executions.");
        }
        return new ExecutionQuery(everyone ? null : caller.userId(), agent(agentId), status(status),
                integer("page", page, 0, 0, MAX_PAGE), integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    private static @Nullable AgentId agent(@Nullable String agentId) {
        if (agentId == null) {
            return null;
        }
        if (agentId.isBlank()) {
            throw ExecutionProblem.badRequest("'agentId' must not be blank.");
        }
        if (!StorableText.isStorable(agentId)) {
            throw ExecutionProblem.badRequest("'agentId' " + StorableText.REASON + ".");
        }
        return new AgentId(agentId);
    }

    private static @Nullable ExecutionStatus status(@Nullable String status) {
        if (status == null) {
            return null;
        }
        try {
            return ExecutionStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw ExecutionProblem
                .badRequest("'status' must be one of PENDING, RUNNING, COMPLETED, FAILED," + " TIMED_OUT, CANCELLED.");
        }
    }

    private static int integer(String name, @Nullable String text, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        }
        catch (NumberFormatException e) {
            // answered below
        }
        throw ExecutionProblem.badRequest("'" + name + "' must be an integer in [" + min + ", " + max + "].");
    }

    private static boolean flag(String name, @Nullable String text) {
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.isEmpty() || text.equalsIgnoreCase("true")) {
            return true;
        }
        throw ExecutionProblem.badRequest("'" + name + "' must be true or false.");
    }

}
