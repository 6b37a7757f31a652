package com.agentnexus.execution.runner.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The optional seccomp profile, read once at start-up: the engine API wants its JSON
 * content, not its path.
 */
final class SeccompProfile {

    private SeccompProfile() {
    }

    static @Nullable String read(@Nullable Path file) {
        if (file == null) {
            return null;
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the seccomp profile " + file, e);
        }
        if (!json.startsWith("{")) {
            throw new IllegalStateException("the seccomp profile " + file + " is not a JSON object");
        }
        return json;
    }

}
