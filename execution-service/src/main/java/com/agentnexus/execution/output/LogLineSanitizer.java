package com.agentnexus.execution.output;

/**
 * Redacts secrets from a log line before it is published. Applied before the length cap,
 * so a secret is never cut in half where a pattern could no longer recognise it.
 */
@FunctionalInterface
public interface LogLineSanitizer {

    String sanitize(String line);

    /**
     * The sanitiser for one execution's lines. A multi-line secret (a private-key block)
     * needs state across lines, so a stateful implementation returns a fresh instance
     * here; the shared instance redacts line by line only.
     */
    default LogLineSanitizer forExecution() {
        return this;
    }

    /**
     * Redacts API keys, tokens, JWTs, private keys, passwords, AWS keys and URL
     * credentials.
     */
    static LogLineSanitizer redactingSecrets() {
        return new SecretRedactor();
    }

}
