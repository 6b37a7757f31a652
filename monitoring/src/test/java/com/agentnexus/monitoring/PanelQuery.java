package com.agentnexus.monitoring;

/**
 * One query of a dashboard panel, its template variables already substituted: what
 * Grafana would send to Prometheus for this target.
 *
 * @param panelId the panel's id in the dashboard
 * @param panelTitle the panel's title
 * @param refId the target's reference id within the panel ({@code A}, {@code B}, …)
 * @param expr the PromQL expression, ready for Prometheus's HTTP API
 * @param instant whether the panel asks for an instant query only (bar gauges); otherwise
 * a range query
 */
public record PanelQuery(int panelId, String panelTitle, String refId, String expr, boolean instant) {

    @Override
    public String toString() {
        return panelTitle + " [" + refId + "]: " + expr;
    }
}
