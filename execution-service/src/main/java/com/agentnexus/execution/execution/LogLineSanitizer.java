package com.agentnexus.execution.execution;

/**
 * Redacts secrets from a log line before it is published. Applied before the length cap, so a secret is never
 * cut in half where a pattern could no longer recognise it. The real redaction rules arrive with the hardened
 * runner; until then lines pass unchanged.
 */
@FunctionalInterface
public interface LogLineSanitizer {

    LogLineSanitizer NONE = line -> line;

    String sanitize(String line);
}
