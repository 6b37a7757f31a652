package com.agentnexus.monitoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every query of a provisioned Grafana dashboard (the file-provider format), with its
 * template variables substituted the way Grafana would with every variable at its "All"
 * value — so a test can run exactly what the dashboard runs against a real Prometheus.
 */
public final class DashboardQueries {

    /**
     * Grafana's built-in variables, at the values a one-hour dashboard with a 15 s scrape
     * interval gets.
     */
    public static final Map<String, String> BUILT_INS = Map.of("__rate_interval", "1m", "__interval", "15s", "__range",
            "1h");

    /**
     * {@code $name}, {@code ${name}}, {@code ${name:format}} and {@code [[name]]};
     * PromQL's {@code $1} is not one.
     */
    static final Pattern VARIABLE = Pattern
        .compile("\\$\\{([A-Za-z_]\\w*)(?::[^}]*)?}|\\$([A-Za-z_]\\w*)|\\[\\[([A-Za-z_]\\w*)]]");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DashboardQueries() {
    }

    /**
     * Every target of every panel, template variables at their "All" value (else their
     * current value).
     */
    public static List<PanelQuery> load(Path dashboardJson) {
        return load(dashboardJson, Map.of());
    }

    /**
     * As {@link #load(Path)}, with some variables set to the given values instead (e.g.
     * {@code agent_id} → {@code demo-worker}).
     * @throws IllegalArgumentException if a query uses a variable the dashboard does not
     * define
     */
    public static List<PanelQuery> load(Path dashboardJson, Map<String, String> values) {
        JsonNode dashboard = JSON.readTree(dashboardJson);
        Map<String, String> substitutions = new HashMap<>(BUILT_INS);
        substitutions.putAll(defaultValues(dashboard));
        substitutions.putAll(values);
        List<PanelQuery> queries = new ArrayList<>();
        panels(dashboard).forEach(panel -> panel.path("targets")
            .forEach(target -> queries.add(new PanelQuery(panel.path("id").asInt(), panel.path("title").asString(""),
                    target.path("refId").asString(""),
                    substitute(target.path("expr").asString(""), substitutions, panel),
                    target.path("instant").asBoolean(false) && !target.path("range").asBoolean(false)))));
        return List.copyOf(queries);
    }

    /** The panels of a dashboard, including those inside collapsed rows. */
    static Stream<JsonNode> panels(JsonNode dashboard) {
        return dashboard.path("panels")
            .values()
            .stream()
            .flatMap(panel -> Stream.concat(Stream.of(panel), panel.path("panels").values().stream()));
    }

    /** The names of the variables a query uses, built-ins included. */
    static Set<String> variablesIn(String expr) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(expr);
        while (matcher.find()) {
            names.add(name(matcher));
        }
        return names;
    }

    /**
     * Each template variable at the value the queries are run with: its "All" value, else
     * its current one.
     */
    static Map<String, String> defaultValues(JsonNode dashboard) {
        Map<String, String> values = new HashMap<>();
        dashboard.path("templating").path("list").forEach(variable -> {
            String name = variable.path("name").asString("");
            String allValue = variable.path("allValue").asString("");
            if (variable.path("includeAll").asBoolean(false) && !allValue.isEmpty()) {
                values.put(name, allValue);
            }
            else {
                JsonNode current = variable.path("current").path("value");
                values.put(name, current.isArray() ? current.path(0).asString("") : current.asString(""));
            }
        });
        return values;
    }

    private static String substitute(String expr, Map<String, String> substitutions, JsonNode panel) {
        return VARIABLE.matcher(expr).replaceAll(matcher -> {
            String name = name(matcher);
            String value = substitutions.get(name);
            if (value == null) {
                throw new IllegalArgumentException("panel '" + panel.path("title").asString("") + "' uses $" + name
                        + ", which the dashboard does not define");
            }
            return Matcher.quoteReplacement(value);
        });
    }

    private static String name(MatchResult matcher) {
        for (int group = 1; group <= 3; group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        throw new IllegalStateException("no variable name in " + matcher.group());
    }

}
