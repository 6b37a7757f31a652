package com.agentnexus.support;

import org.springframework.boot.health.contributor.Status;

/** Statuses beyond Boot's own. */
public final class HealthStatuses {

    /**
     * A non-critical fault (Docker unreachable, heap nearly full): the service still
     * serves, so readiness answers 200 (see {@code management.endpoint.health.status.*}
     * in application.yml).
     */
    public static final Status DEGRADED = new Status("DEGRADED");

    private HealthStatuses() {
    }

}
