package com.agentnexus.launcher.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops and starts the stack's PostgreSQL behind the launcher's back, as an operator
 * would: {@code pg_ctl stop -m
 * fast} (sessions are cut) and {@code pg_ctl start} with the exact server arguments the
 * cluster last started with ({@code postmaster.opts}). It runs the same binaries the way
 * zonky runs them: {@code pg_ctl} refuses root, so as root inside {@code unshare -U},
 * where the process is no longer uid 0. The launcher sees a clean stop (exit 0) and does
 * not restart PostgreSQL; when the stack closes, its PostgreSQL node stops whatever runs
 * on that data directory, so the server started here ends with the stack
 * ({@link #close()} stops it if it still runs).
 */
final class PostgresSwitch implements AutoCloseable {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private final Path dataDir;

    private final Path log;

    PostgresSwitch(Path dataDir) {
        this.dataDir = dataDir;
        this.log = dataDir.resolveSibling("logs").resolve("postgres-restarted.log");
    }

    /** A fast shutdown; returns once the server has ended. */
    void stop() throws IOException, InterruptedException {
        pgCtl(List.of("-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
    }

    /**
     * Starts the server again with its last arguments; returns once it accepts
     * connections.
     */
    void start() throws IOException, InterruptedException {
        List<String> server = serverArguments();
        var options = new StringBuilder();
        for (String argument : server.subList(1, server.size())) {
            if (!argument.equals("-D") && !argument.equals(dataDir.toString())) {
                options.append(options.length() == 0 ? "" : " ").append('\'').append(argument).append('\'');
            }
        }
        pgCtl(List.of("-D", dataDir.toString(), "-l", log.toString(), "-o", options.toString(), "-w", "-t", "60",
                "start"));
    }

    /**
     * Whether a server runs on the data directory ({@code postmaster.pid} exists only
     * while one does).
     */
    boolean running() {
        return Files.exists(dataDir.resolve("postmaster.pid"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (running()) {
            stop();
        }
    }

    /**
     * {@code postmaster.opts}: the server binary, then each argument in double quotes.
     */
    private List<String> serverArguments() throws IOException {
        String opts = Files.readString(dataDir.resolve("postmaster.opts")).strip();
        List<String> arguments = new ArrayList<>();
        arguments.add(opts.substring(0, opts.indexOf('"')).strip());
        Matcher argument = QUOTED.matcher(opts);
        while (argument.find()) {
            arguments.add(argument.group(1));
        }
        return arguments;
    }

    private void pgCtl(List<String> arguments) throws IOException, InterruptedException {
        Path postgres = Path.of(serverArguments().get(0));
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(postgres.resolveSibling("pg_ctl").toString());
        command.addAll(arguments);
        Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
        if (!pgCtl.waitFor(90, TimeUnit.SECONDS)) {
            pgCtl.destroyForcibly();
            throw new IllegalStateException(
                    "pg_ctl " + arguments.get(arguments.size() - 1) + " did not return within 90 s; see " + log);
        }
        if (pgCtl.exitValue() != 0) {
            throw new IllegalStateException(
                    "pg_ctl " + arguments.get(arguments.size() - 1) + " exited " + pgCtl.exitValue() + "; see " + log);
        }
    }

}
