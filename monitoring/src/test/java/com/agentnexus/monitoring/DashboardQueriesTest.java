package com.agentnexus.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardQueriesTest {

    private static final String VARIABLES = """
            "templating": {"list": [
              {"name": "agent_id", "includeAll": true, "allValue": ".*"},
              {"name": "env", "includeAll": false, "current": {"text": "prod", "value": ["prod"]}}
            ]}""";

    @TempDir
    Path dir;

    @Test
    void substitutesEverySyntaxOfAVariableWithItsAllValueOrCurrentValue() throws IOException {
        Path dashboard = dashboard("sum(rate(x{a=~\\\"$agent_id\\\", b=~\\\"${agent_id}\\\", "
                + "c=~\\\"${agent_id:regex}\\\", d=\\\"[[env]]\\\"}[$__rate_interval]))");

        assertThat(DashboardQueries.load(dashboard)).singleElement()
            .isEqualTo(new PanelQuery(7, "Panel", "A", "sum(rate(x{a=~\".*\", b=~\".*\", c=~\".*\", d=\"prod\"}[1m]))",
                    false));
    }

    @Test
    void letsTheCallerChooseAVariablesValue() throws IOException {
        Path dashboard = dashboard("sum(x{agent_id=~\\\"$agent_id\\\"}[$__range])");

        assertThat(DashboardQueries.load(dashboard, Map.of("agent_id", "demo-worker"))).extracting(PanelQuery::expr)
            .containsExactly("sum(x{agent_id=~\"demo-worker\"}[1h])");
    }

    @Test
    void leavesPromQlReplacementReferencesAlone() throws IOException {
        Path dashboard = dashboard("label_replace(up, \\\"x\\\", \\\"$1\\\", \\\"job\\\", \\\"(.*)\\\")");

        assertThat(DashboardQueries.load(dashboard)).extracting(PanelQuery::expr)
            .containsExactly("label_replace(up, \"x\", \"$1\", \"job\", \"(.*)\")");
    }

    @Test
    void refusesAVariableTheDashboardDoesNotDefine() throws IOException {
        Path dashboard = dashboard("sum(x{application=~\\\"$application\\\"})");

        assertThatIllegalArgumentException().isThrownBy(() -> DashboardQueries.load(dashboard))
            .withMessageContaining("$application");
    }

    private Path dashboard(String expr) throws IOException {
        return Files.writeString(dir.resolve("dashboard.json"), """
                {"uid": "test", %s,
                 "panels": [{"id": 7, "title": "Panel",
                   "targets": [{"refId": "A", "expr": "%s"}]}]}
                """.formatted(VARIABLES, expr));
    }

}
