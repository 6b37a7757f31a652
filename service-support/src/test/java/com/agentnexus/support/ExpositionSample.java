package com.agentnexus.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sample line of a Prometheus text exposition ({@code /metrics}), parsed: the
 * services' tests read what a scraper reads instead of matching substrings. Only the text
 * format 0.0.4 that {@code /metrics} answers by default.
 *
 * @param name the sample's name as written, suffixes included ({@code _total},
 * {@code _bucket}, {@code _count})
 * @param labels its labels in the order written, values unescaped
 * @param value its value ({@code +Inf}, {@code -Inf} and {@code NaN} included)
 */
public record ExpositionSample(String name, Map<String, String> labels, double value) {

    /**
     * Every sample of {@code exposition}, in order; comment and blank lines are skipped.
     */
    public static List<ExpositionSample> parse(String exposition) {
        List<ExpositionSample> samples = new ArrayList<>();
        exposition.lines()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .forEach(line -> samples.add(parseLine(line)));
        return samples;
    }

    private static ExpositionSample parseLine(String line) {
        var cursor = new Cursor(line);
        String name = cursor.until(c -> c == '{' || c == ' ');
        Map<String, String> labels = new LinkedHashMap<>();
        if (cursor.peek() == '{') {
            cursor.expect('{');
            while (cursor.peek() != '}') {
                String label = cursor.until(c -> c == '=');
                cursor.expect('=');
                labels.put(label, cursor.quoted());
                if (cursor.peek() == ',') {
                    cursor.expect(',');
                }
            }
            cursor.expect('}');
        }
        cursor.expect(' ');
        // an optional timestamp may follow the value
        return new ExpositionSample(name, labels, number(cursor.until(c -> c == ' ')));
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static final class Cursor {

        private final String line;

        private int at;

        Cursor(String line) {
            this.line = line;
        }

        char peek() {
            if (at >= line.length()) {
                throw malformed("unexpected end");
            }
            return line.charAt(at);
        }

        void expect(char c) {
            if (peek() != c) {
                throw malformed("expected '" + c + "'");
            }
            at++;
        }

        String until(java.util.function.IntPredicate stop) {
            int from = at;
            while (at < line.length() && !stop.test(line.charAt(at))) {
                at++;
            }
            return line.substring(from, at);
        }

        String quoted() {
            expect('"');
            var value = new StringBuilder();
            for (char c = peek(); c != '"'; c = peek()) {
                at++;
                if (c == '\\') {
                    char escaped = peek();
                    at++;
                    value.append(escaped == 'n' ? '\n' : escaped);
                }
                else {
                    value.append(c);
                }
            }
            expect('"');
            return value.toString();
        }

        private IllegalArgumentException malformed(String what) {
            return new IllegalArgumentException(what + " at column " + at + " of: " + line);
        }

    }
}
