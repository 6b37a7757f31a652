package com.agentnexus.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every provisioned dashboard is one Grafana can load and lay out, and every query names
 * the provisioned datasource, a defined variable and a metric that is actually served,
 * aggregated over the ledger's partitions.
 */
class DashboardLintTest {

    private static final Path GRAFANA = Path.of("grafana");

    private static final String DATASOURCE_UID = "prometheus";

    private static final int GRID_COLUMNS = 24;

    /**
     * A metric name in a query: served by AgentNexus, or one of the standard Micrometer
     * meters we rely on.
     */
    private static final Pattern METRIC = Pattern
        .compile("\\b(?:agentnexus|jvm|http|process)_\\w+|\\bup\\b(?=\\s*[{\\[)]|\\s*$)");

    private static final Set<String> STANDARD_METRICS = Set.of("up", "jvm_memory_used_bytes",
            "jvm_memory_committed_bytes", "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_count",
            "jvm_gc_pause_seconds_max", "http_server_requests_seconds_count");

    /**
     * An opening parenthesis whose contents are aggregated: {@code sum(…)},
     * {@code max by (application) (…)}.
     */
    private static final Pattern AGGREGATION_BEFORE_PAREN = Pattern
        .compile("\\b(?:sum|min|max|avg|count|topk|bottomk)\\s*(?:(?:by|without)\\s*\\([^()]*\\)\\s*)?$");

    private static final Pattern BY_CLAUSE = Pattern.compile("\\bby\\s*\\(([^)]*)\\)");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    static Stream<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
            List<Path> json = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertThat(json).as("dashboards in grafana/dashboards").isNotEmpty();
            return json.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void isTheDashboardModelTheFileProviderReads(Path file) {
        JsonNode dashboard = JSON.readTree(file);

        assertThat(dashboard.has("dashboard")).as("wrapped like an HTTP API request").isFalse();
        assertThat(dashboard.path("uid").asString("")).as("fixed uid").isNotBlank();
        assertThat(dashboard.path("title").asString("")).isNotBlank();
        assertThat(dashboard.path("schemaVersion").asInt(0)).isGreaterThanOrEqualTo(36);
        assertThat(dashboard.has("id")).as("a fixed numeric id clashes between Grafana instances").isFalse();
        assertThat(panels(dashboard)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void givesEveryPanelItsOwnId(Path file) {
        List<Integer> ids = panels(JSON.readTree(file)).stream().map(panel -> panel.path("id").asInt(0)).toList();

        assertThat(ids).doesNotContain(0).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void namesTheProvisionedDatasourceOnEveryPanelTargetAndVariable(Path file) {
        JsonNode dashboard = JSON.readTree(file);
        List<String> wrong = new ArrayList<>();
        for (JsonNode panel : panels(dashboard)) {
            checkDatasource(panel.path("datasource"), title(panel), wrong);
            panel.path("targets")
                .forEach(target -> checkDatasource(target.path("datasource"), title(panel) + " / " + refId(target),
                        wrong));
        }
        dashboard.path("templating")
            .path("list")
            .forEach(variable -> checkDatasource(variable.path("datasource"), "$" + variable.path("name").asString(""),
                    wrong));

        assertThat(wrong).as("not naming datasource uid '%s'", DATASOURCE_UID).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void setsAUnitOnEveryPanel(Path file) {
        List<String> withoutUnit = panels(JSON.readTree(file)).stream()
            .filter(panel -> panel.path("fieldConfig").path("defaults").path("unit").asString("").isBlank())
            .map(DashboardLintTest::title)
            .toList();

        assertThat(withoutUnit).as("panels without fieldConfig.defaults.unit").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void laysPanelsOutWithinTheGridWithoutOverlap(Path file) {
        List<JsonNode> panels = panels(JSON.readTree(file));
        for (JsonNode panel : panels) {
            GridRect rect = GridRect.of(panel);
            assertThat(rect.x()).as("%s x", title(panel)).isNotNegative();
            assertThat(rect.y()).as("%s y", title(panel)).isNotNegative();
            assertThat(rect.w()).as("%s w", title(panel)).isPositive();
            assertThat(rect.h()).as("%s h", title(panel)).isPositive();
            assertThat(rect.x() + rect.w()).as("%s right edge", title(panel)).isLessThanOrEqualTo(GRID_COLUMNS);
        }
        List<String> overlapping = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            for (int j = i + 1; j < panels.size(); j++) {
                if (GridRect.of(panels.get(i)).overlaps(GridRect.of(panels.get(j)))) {
                    overlapping.add(title(panels.get(i)) + " × " + title(panels.get(j)));
                }
            }
        }
        assertThat(overlapping).as("overlapping panels").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void givesEveryPanelTargetsWithAnExpressionAndDistinctRefIds(Path file) {
        for (JsonNode panel : panels(JSON.readTree(file))) {
            List<JsonNode> targets = panel.path("targets").values().stream().toList();
            assertThat(targets).as("%s targets", title(panel)).isNotEmpty();
            assertThat(targets).as("%s targets with an expr", title(panel))
                .allSatisfy(target -> assertThat(target.path("expr").asString("")).isNotBlank());
            assertThat(targets.stream().map(DashboardLintTest::refId).toList()).as("%s refIds", title(panel))
                .doesNotContain("")
                .doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void definesEveryVariableAQueryUses(Path file) {
        JsonNode dashboard = JSON.readTree(file);
        Set<String> defined = dashboard.path("templating")
            .path("list")
            .values()
            .stream()
            .map(variable -> variable.path("name").asString(""))
            .collect(Collectors.toSet());
        Set<String> used = new HashSet<>();
        panels(dashboard).forEach(panel -> panel.path("targets")
            .forEach(target -> used.addAll(DashboardQueries.variablesIn(target.path("expr").asString("")))));
        used.removeAll(DashboardQueries.BUILT_INS.keySet());

        assertThat(defined).as("template variables").contains("application", "agent_id");
        assertThat(used).as("variables used in queries").isNotEmpty().isSubsetOf(defined);
        assertThat(DashboardQueries.load(file)).extracting(PanelQuery::expr)
            .allSatisfy(expr -> assertThat(expr).doesNotContain("$", "[["));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void queriesOnlyMetricsThatAreServed(Path file) throws IOException {
        Set<String> served = servedMetrics();
        List<String> unknown = new ArrayList<>();
        for (PanelQuery query : DashboardQueries.load(file)) {
            Matcher metric = METRIC.matcher(query.expr());
            while (metric.find()) {
                if (!served.contains(metric.group())) {
                    unknown.add(query + " → " + metric.group());
                }
            }
        }
        assertThat(unknown).as("metrics neither in monitoring/README.md nor standard Micrometer meters").isEmpty();
    }

    /**
     * Ledger series carry a partition label and may come from several aggregator
     * instances.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void aggregatesEverySeriesOverPartitionsAndInstances(Path file) {
        List<String> notAggregated = new ArrayList<>();
        for (PanelQuery query : DashboardQueries.load(file)) {
            Matcher metric = METRIC.matcher(query.expr());
            while (metric.find()) {
                if (!isAggregated(query.expr(), metric.start())) {
                    notAggregated.add(query + " → " + metric.group() + " outside any aggregation");
                }
            }
            Matcher by = BY_CLAUSE.matcher(query.expr());
            while (by.find()) {
                if (Stream.of(by.group(1).split(","))
                    .map(String::strip)
                    .anyMatch(label -> Set.of("partition", "instance", "job").contains(label))) {
                    notAggregated.add(query + " → " + by.group());
                }
            }
        }
        assertThat(notAggregated).isEmpty();
    }

    @Test
    void provisionsThePrometheusDatasourceUnderTheUidTheDashboardsName() {
        JsonNode datasources = YAML.readTree(GRAFANA.resolve("provisioning/datasources/prometheus.yml").toFile());
        List<JsonNode> prometheus = datasources.path("datasources")
            .values()
            .stream()
            .filter(datasource -> DATASOURCE_UID.equals(datasource.path("uid").asString("")))
            .toList();

        assertThat(datasources.path("apiVersion").asInt(0)).isEqualTo(1);
        assertThat(prometheus).singleElement().satisfies(datasource -> {
            assertThat(datasource.path("type").asString("")).isEqualTo("prometheus");
            assertThat(datasource.path("url").asString("")).isEqualTo("${PROMETHEUS_URL}");
        });
    }

    @Test
    void provisionsTheDashboardsFolderThroughAFileProvider() {
        JsonNode providers = YAML.readTree(GRAFANA.resolve("provisioning/dashboards/agentnexus.yml").toFile());

        assertThat(providers.path("apiVersion").asInt(0)).isEqualTo(1);
        assertThat(providers.path("providers").values()).singleElement().satisfies(provider -> {
            assertThat(provider.path("type").asString("")).isEqualTo("file");
            assertThat(provider.path("options").path("path").asString("")).isEqualTo("/var/lib/grafana/dashboards");
        });
    }

    /**
     * promtool 2.42 has no command that parses a bare expression, but it parses every
     * rule's.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void writesEveryQueryInValidPromQl(Path file, @TempDir Path dir) throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not on the PATH");
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (PanelQuery query : DashboardQueries.load(file)) {
            rules.append("      - record: dashboard:panel_")
                .append(query.panelId())
                .append('_')
                .append(query.refId())
                .append("\n        expr: ")
                .append(JSON.writeValueAsString(query.expr()))
                .append('\n');
        }
        Path rulesFile = Files.writeString(dir.resolve("dashboard-rules.yml"), rules);
        Path output = dir.resolve("promtool.out");

        Process promtool = new ProcessBuilder("promtool", "check", "rules", rulesFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();

        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as(Files.readString(output)).isZero();
    }

    private static Set<String> servedMetrics() throws IOException {
        Set<String> served = new HashSet<>(STANDARD_METRICS);
        Matcher documented = Pattern.compile("`(agentnexus_\\w+)`").matcher(Files.readString(Path.of("README.md")));
        while (documented.find()) {
            String name = documented.group(1);
            served.add(name);
            if (name.endsWith("_seconds")) {
                Stream.of("_bucket", "_sum", "_count").forEach(suffix -> served.add(name + suffix));
            }
        }
        return served;
    }

    /** Whether some parenthesis around the position opens an aggregation. */
    private static boolean isAggregated(String expr, int position) {
        int depth = 0;
        for (int i = position - 1; i >= 0; i--) {
            char c = expr.charAt(i);
            if (c == ')') {
                depth++;
            }
            else if (c == '(' && depth > 0) {
                depth--;
            }
            else if (c == '(' && AGGREGATION_BEFORE_PAREN.matcher(expr.substring(0, i)).find()) {
                return true;
            }
        }
        return false;
    }

    private static void checkDatasource(JsonNode datasource, String where, List<String> wrong) {
        if (!"prometheus".equals(datasource.path("type").asString(""))
                || !DATASOURCE_UID.equals(datasource.path("uid").asString(""))) {
            wrong.add(where + ": " + datasource);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        return DashboardQueries.panels(dashboard).toList();
    }

    private static String title(JsonNode panel) {
        return panel.path("title").asString("");
    }

    private static String refId(JsonNode target) {
        return target.path("refId").asString("");
    }

    private record GridRect(int x, int y, int w, int h) {

        static GridRect of(JsonNode panel) {
            JsonNode grid = panel.path("gridPos");
            return new GridRect(grid.path("x").asInt(-1), grid.path("y").asInt(-1), grid.path("w").asInt(0),
                    grid.path("h").asInt(0));
        }

        boolean overlaps(GridRect other) {
            return x < other.x + other.w && other.x < x + w && y < other.y + other.h && other.y < y + h;
        }
    }

}
