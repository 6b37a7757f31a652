package com.agentnexus.launcher.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Copies a child's output into its {@link ChildLog}, line by line, on a thread of its
 * own. The child's output has to pass through the launcher for the file to rotate: a file
 * the child wrote to directly could not be renamed under it.
 */
public final class OutputPump {

    private OutputPump() {
    }

    /**
     * Starts pumping; the future completes when the child closed its output (it ended).
     */
    public static CompletableFuture<Void> start(String threadName, InputStream output, ChildLog log) {
        var drained = new CompletableFuture<Void>();
        Thread pump = new Thread(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    log.line(line);
                }
            }
            catch (IOException closed) {
                // the stream closes under us when the process is destroyed: nothing more
                // to copy
            }
            finally {
                drained.complete(null);
            }
        }, threadName);
        pump.setDaemon(true);
        pump.start();
        return drained;
    }

}
