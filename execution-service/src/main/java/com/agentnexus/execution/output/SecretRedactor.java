package com.agentnexus.execution.output;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in log lines with {@code [REDACTED:kind]} (URL passwords with
 * {@code ***}), keeping the rest of the line — and of a JSON document — intact. Long hex
 * strings are deliberately not a rule: hashes, git SHAs and 0x addresses are legitimate
 * output. Every pattern is anchored on a literal (a key name, a prefix, a marker) and
 * uses possessive or bounded quantifiers, so a hostile 16 KiB line costs linear time.
 *
 * <p>
 * Private keys: a line that opens a block ({@code -----BEGIN … PRIVATE KEY-----}) without
 * closing it puts the per-execution instance (see {@link #forExecution()}) inside the
 * block; until the END marker, or at most {@value #MAX_BLOCK_LINES} lines, every line
 * that looks like key material (base64, or a PEM header such as {@code Proc-Type:}) is
 * replaced whole. Other lines, e.g. stderr interleaved with a key printed on stdout, go
 * through the ordinary rules. The shared instance keeps no state and only redacts the
 * marker line itself.
 */
final class SecretRedactor implements LogLineSanitizer {

    static final int MAX_BLOCK_LINES = 200;

    private static final String SECRET_KEYS = "password|passwd|pwd|passphrase|secret|token|api[_-]?key"
            + "|access[_-]?key|private[_-]?key|session[_-]?key";

    private static final Pattern PRIVATE_KEY = Pattern.compile("(-----BEGIN [A-Z0-9 ]{0,40}?PRIVATE KEY-----)"
            + "(?:(?!-----END ).)*+(-----END [A-Z0-9 ]{0,40}?PRIVATE KEY-----)?");

    private static final Pattern PRIVATE_KEY_END = Pattern.compile("-----END [A-Z0-9 ]{0,40}?PRIVATE KEY-----");

    private static final Pattern KEY_MATERIAL = Pattern
        .compile("\\s*+(?:[A-Za-z0-9+/=]++|(?:Proc-Type|DEK-Info|Comment): .*+)\\s*+");

    private static final Pattern URL_CREDENTIALS = Pattern
        .compile("\\b([a-zA-Z][a-zA-Z0-9+.-]{0,20}+://[^\\s:/?#@]*+:)[^\\s/?#]+@");

    private static final Pattern KEY_VALUE = Pattern.compile("(?i)(" + SECRET_KEYS + ")(?![a-z0-9])"
            + "(\\\\?[\"']?\\s{0,10}+[:=]\\s{0,10}+)(?!\\[REDACTED|\\\\?\"\\[REDACTED|'\\[REDACTED)"
            + "(?:\"((?:[^\"\\\\]|\\\\.)*+)\"|\\\\\"((?:[^\"\\\\]|\\\\[^\"])*+)\\\\\"|'([^'\\\\]*+)'"
            + "|([^\\s,;&\"'}\\]\\\\]++))");

    private static final Pattern BASIC_AUTH = Pattern
        .compile("(?i)(authorization[\"']?\\s{0,10}+[:=]\\s{0,10}+[\"']?basic\\s++)[A-Za-z0-9+/]++=*+");

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s++)[A-Za-z0-9\\-._~+/]++=*+");

    private static final Pattern JWT = Pattern
        .compile("\\beyJ[A-Za-z0-9_-]{2,}+\\.[A-Za-z0-9_-]{2,}+\\.[A-Za-z0-9_-]*+");

    private static final Pattern API_KEY = Pattern.compile("\\b(?:(?:sk|rk)[-_][A-Za-z0-9_-]{16,}+"
            + "|gh[pousr]_[A-Za-z0-9]{20,}+|github_pat_[A-Za-z0-9_]{20,}+|xox[abposr]-[A-Za-z0-9-]{10,}+"
            + "|AIza[0-9A-Za-z_-]{30,}+)");

    private static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b");

    private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {
    }

    private static final List<Rule> RULES = List.of(new Rule(URL_CREDENTIALS, m -> m.group(1) + "***@"),
            new Rule(KEY_VALUE, SecretRedactor::redactValue),
            new Rule(BASIC_AUTH, m -> m.group(1) + marker("basic-auth")),
            new Rule(BEARER, m -> m.group(1) + marker("bearer")), new Rule(JWT, m -> marker("jwt")),
            new Rule(API_KEY, m -> marker("api-key")), new Rule(AWS_ACCESS_KEY_ID, m -> marker("aws-access-key-id")));

    private final boolean tracksBlocks;

    private int linesLeftInBlock;

    SecretRedactor() {
        this(false);
    }

    private SecretRedactor(boolean tracksBlocks) {
        this.tracksBlocks = tracksBlocks;
    }

    @Override
    public LogLineSanitizer forExecution() {
        return new SecretRedactor(true);
    }

    @Override
    public String sanitize(String line) {
        if (tracksBlocks) {
            synchronized (this) {
                return linesLeftInBlock > 0 ? insideBlock(line) : redactLine(line);
            }
        }
        return redactLine(line);
    }

    static String marker(String kind) {
        return "[REDACTED:" + kind + "]";
    }

    private String insideBlock(String line) {
        linesLeftInBlock--;
        Matcher end = PRIVATE_KEY_END.matcher(line);
        if (end.find()) {
            linesLeftInBlock = 0;
            String before = line.substring(0, end.start()).isBlank() ? "" : marker("private-key");
            return before + end.group() + redactLine(line.substring(end.end()));
        }
        if (!line.isBlank() && KEY_MATERIAL.matcher(line).matches()) {
            return marker("private-key");
        }
        return redactLine(line);
    }

    private String redactLine(String line) {
        String redacted = line;
        Matcher key = PRIVATE_KEY.matcher(redacted);
        if (key.find()) {
            boolean closed = key.group(2) != null;
            redacted = key.replaceAll(m -> Matcher
                .quoteReplacement(m.group(1) + marker("private-key") + (m.group(2) == null ? "" : m.group(2))));
            if (!closed && tracksBlocks) {
                linesLeftInBlock = MAX_BLOCK_LINES;
            }
        }
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(redacted);
            if (matcher.find()) {
                matcher.reset();
                redacted = matcher.replaceAll(m -> Matcher.quoteReplacement(rule.replacement().apply(m)));
            }
        }
        return redacted;
    }

    private static String redactValue(MatchResult m) {
        String prefix = m.group(1) + m.group(2);
        if (m.group(3) != null) {
            return m.group(3).isEmpty() ? m.group() : prefix + '"' + marker("secret") + '"';
        }
        if (m.group(4) != null) {
            return m.group(4).isEmpty() ? m.group() : prefix + "\\\"" + marker("secret") + "\\\"";
        }
        if (m.group(5) != null) {
            return m.group(5).isEmpty() ? m.group() : prefix + '\'' + marker("secret") + '\'';
        }
        String value = m.group(6);
        if (value.equals("null") || value.equals("true") || value.equals("false")) {
            return m.group();
        }
        // A quoted key means JSON (or a dict): a quoted marker keeps the document
        // parseable.
        boolean quotedKey = m.group(2).startsWith("\"") || m.group(2).startsWith("'");
        return quotedKey ? prefix + '"' + marker("secret") + '"' : prefix + marker("secret");
    }

}
