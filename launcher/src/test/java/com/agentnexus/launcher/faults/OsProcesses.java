package com.agentnexus.launcher.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The agents' processes, which the launcher does not know: the descendants of the
 * execution service whose command line carries a scenario's marker, for checking that
 * none outlives its service. The services themselves are found through the launcher's
 * supervision hooks ({@link com.agentnexus.launcher.StackHandle#pid}).
 */
final class OsProcesses {

    private OsProcesses() {
    }

    /**
     * Every live descendant of {@code ancestor} whose command line contains
     * {@code marker}.
     */
    static List<ProcessHandle> descendantsWithCommandLine(ProcessHandle ancestor, String marker) {
        return ancestor.descendants()
            .filter(p -> commandLine(p).contains(marker))
            .filter(OsProcesses::running)
            .toList();
    }

    /** SIGKILL; returns once the process is gone. */
    static void kill(ProcessHandle process) {
        process.destroyForcibly();
        process.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    /** Alive and not a zombie waiting to be reaped (a zombie runs nothing). */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        }
        catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    private static String commandLine(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    raw[i] = ' ';
                }
            }
            return new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (IOException | RuntimeException gone) {
            return process.info().commandLine().orElse("");
        }
    }

}
