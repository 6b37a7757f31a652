package com.agentnexus.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the person at the console what the supervisor did: who died, how, its last lines,
 * and what comes next.
 */
final class SupervisionReport {

    private static final Logger log = LoggerFactory.getLogger(SupervisionReport.class);

    private final Path logDir;

    SupervisionReport(Path logDir) {
        this.logDir = logDir;
    }

    void print(SupervisionEvent event) {
        // Java 17: no pattern switch; the event family is sealed and small
        if (event instanceof SupervisionEvent.Died died) {
            log.warn("{} (pid {}) died: {}. {}{}", died.node(), died.pid(), exit(died.exitCode()),
                    next(died.node(), died.restartIn()), lines(died.node(), died.lastLines()));
        }
        else if (event instanceof SupervisionEvent.RestartFailed failed) {
            log.warn("Restarting {} failed: {}. {}{}", failed.node(), failed.reason(),
                    next(failed.node(), failed.retryIn()), lines(failed.node(), failed.lastLines()));
        }
        else if (event instanceof SupervisionEvent.Stopped stopped) {
            log.warn("{} (pid {}) was stopped cleanly from outside the launcher: not restarting it; Ctrl-C still "
                    + "stops what runs in its place", stopped.node(), stopped.pid());
        }
        else if (event instanceof SupervisionEvent.Restarted restarted) {
            log.info("{} restarted (pid {}, restart {}) and ready", restarted.node(), restarted.pid(),
                    restarted.restarts());
        }
    }

    private static String exit(int code) {
        if (code < 0) {
            return "exit code unknown";
        }
        // the JVM reports a child ended by a signal as 128 + the signal's number
        return code > 128 ? "exit code " + code + " (killed by signal " + (code - 128) + ")" : "exit code " + code;
    }

    private String next(String node, Optional<Duration> restartIn) {
        return restartIn.map(delay -> "Restarting it in " + delay.toMillis() / 1000.0 + " s.")
            .orElse("It crashed too often in a row: GIVING UP, it stays down (the rest keeps running; fix it, "
                    + "then restart the launcher). Its log: " + logDir.resolve(node + ".log"));
    }

    private static String lines(String node, List<String> lastLines) {
        if (lastLines.isEmpty()) {
            return "";
        }
        var text = new StringBuilder("\nLast lines of ").append(node).append(':');
        lastLines.forEach(line -> text.append("\n  | ").append(line));
        return text.toString();
    }

}
