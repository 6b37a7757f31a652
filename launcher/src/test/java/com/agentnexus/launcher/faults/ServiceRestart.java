package com.agentnexus.launcher.faults;

import com.agentnexus.launcher.StackHandle;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * SIGKILLs one of the stack's services and waits for the launcher to start it again,
 * through the launcher's own supervision hooks: a new pid and one more restart counted
 * (the supervisor counts a restart once the new incarnation answered like at start-up),
 * then its readiness probe from outside.
 */
final class ServiceRestart {

    private static final Duration RESTARTED_WITHIN = Duration.ofSeconds(180);

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private ServiceRestart() {
    }

    /**
     * The outcome: how long until ready again, or why it is not; what the supervisor
     * reported meanwhile.
     */
    record Outcome(boolean restarted, long pidBefore, long pidAfter, long readyAfterMs, String note) {
    }

    /** A service's running process, by the pid the launcher supervises. */
    static ProcessHandle find(StackHandle stack, String service) {
        long pid = stack.pid(service).orElseThrow(() -> new IllegalStateException(service + " is not running"));
        return ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException(service + " (pid " + pid + ") is gone"));
    }

    /** SIGKILLs the service and waits for its restart. */
    static Outcome kill(StackHandle stack, String service, String baseUrl) throws InterruptedException {
        ProcessHandle victim = find(stack, service);
        int restartsBefore = stack.restarts(service);
        long killedAt = System.nanoTime();
        OsProcesses.kill(victim);
        return awaitRestart(stack, service, baseUrl, victim, restartsBefore, killedAt);
    }

    static Outcome awaitRestart(StackHandle stack, String service, String baseUrl, ProcessHandle killed,
            int restartsBefore, long killedAtNanos) throws InterruptedException {
        Optional<Long> next = Awaited.lastObservation(service + " restarted",
                RESTARTED_WITHIN.minusNanos(System.nanoTime() - killedAtNanos), Duration.ofMillis(200),
                () -> stack.pid(service).filter(pid -> pid != killed.pid()),
                pid -> pid.isPresent() && stack.restarts(service) > restartsBefore);
        List<String> reported = stack.supervision(service);
        String supervisor = "launcher reported: " + String.join("; ", reported);
        if (next.isEmpty() || stack.restarts(service) <= restartsBefore) {
            return new Outcome(false, killed.pid(), -1, -1, "the launcher did not restart " + service + " within "
                    + RESTARTED_WITHIN.toSeconds() + " s of its SIGKILL (" + supervisor + ")");
        }
        if (Awaited.lastObservation(service + " ready", READY_WITHIN, Duration.ofMillis(250),
                () -> StackApi.ready(baseUrl), ready -> ready)) {
            long ms = (System.nanoTime() - killedAtNanos) / 1_000_000;
            return new Outcome(true, killed.pid(), next.get(), ms,
                    String.format("%s restarted by the launcher (pid %d -> %d), ready %.1f s after the SIGKILL; %s",
                            service, killed.pid(), next.get(), ms / 1000.0, supervisor));
        }
        return new Outcome(false, killed.pid(), next.get(), -1,
                service + " restarted (pid " + next.get() + ") but /health/ready did not answer 200 within "
                        + READY_WITHIN.toSeconds() + " s (" + supervisor + ")");
    }

}
