package com.agentnexus.execution.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LogLineSanitizerTest {

    private final LogLineSanitizer shared = LogLineSanitizer.redactingSecrets();

    private final LogLineSanitizer sanitizer = shared.forExecution();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "using key sk-proj-4f9aQ2x7Lm0pZr8sT1uV3wY5 now | using key [REDACTED:api-key] now",
            "stripe sk_live_51HxYz2eZvKYlo2C0aBcDeFgHiJk | stripe [REDACTED:api-key]",
            "gh token ghp_16C7e42F292c6912E7710c838347Ae178B4a ok | gh token [REDACTED:api-key] ok",
            "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz | [REDACTED:api-key]",
            "slack xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx | slack [REDACTED:api-key]",
            "google AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW end | google [REDACTED:api-key] end",
            "aws id AKIAIOSFODNN7EXAMPLE used | aws id [REDACTED:aws-access-key-id] used",
            "session ASIAY34FZKBOKMUTVV7A | session [REDACTED:aws-access-key-id]",
            "Authorization: Bearer abc.def-ghi_123 | Authorization: Bearer [REDACTED:bearer]",
            "sending Bearer xyz to the api | sending Bearer [REDACTED:bearer] to the api",
            "Authorization: Basic dXNlcjpwYXNzd29yZA== | Authorization: Basic [REDACTED:basic-auth]",
            "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXZhbHVl! | jwt [REDACTED:jwt]!",
            "password=hunter2 | password=[REDACTED:secret]", "DB_PASSWORD: s3cr3t! | DB_PASSWORD: [REDACTED:secret]",
            "client_secret = abc123;next | client_secret = [REDACTED:secret];next",
            "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY | "
                    + "aws_secret_access_key=[REDACTED:secret]",
            "X-Api-Key: 0123abcd | X-Api-Key: [REDACTED:secret]",
            "https://api.example.com/v1?apikey=abc&page=2 | https://api.example.com/v1?apikey=[REDACTED:secret]&page=2",
            "postgres://user:pa55@db:5432/app | postgres://user:***@db:5432/app",
            "redis://:p@ss@cache:6379 | redis://:***@cache:6379", })
    void redactsEachKindOfSecret(String line, String expected) {
        assertThat(sanitizer.sanitize(line)).isEqualTo(expected);
        assertThat(shared.sanitize(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "commit 3f786850e387550fdab836ed7e6dc881de23001b merged",
            "wallet 0x71C7656EC7ab88b098defB751B7401B5f6d8976F received 12 ETH",
            "request 550e8400-e29b-41d4-a716-446655440000 done in 12 ms",
            "total_tokens: 1234, prompt_tokens=1000, max_tokens=50",
            "token_count=5 tokenizer=bpe PASSWORD_FILE=/run/secrets/db", "step 3/20: checksum 123456",
            "see http://example.com:8080/path?a=b for the docs",
            "risk-assessment-framework-v2 loaded; desk_123456789012345678 ready", "{\"result\":\"ok\",\"steps\":20}", })
    void keepsOrdinaryOutputIncludingHashesAddressesAndIds(String line) {
        assertThat(sanitizer.sanitize(line)).isEqualTo(line);
    }

    @Test
    void redactsSeveralSecretsOnOneLine() {
        String line = "connect postgres://app:pw1@db/x with token=abc123 and key AKIAIOSFODNN7EXAMPLE, "
                + "header Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig and sk-abcdefghijklmnopqrstuvwx";
        assertThat(sanitizer.sanitize(line)).isEqualTo("connect postgres://app:***@db/x with "
                + "token=[REDACTED:secret] and key [REDACTED:aws-access-key-id], header Bearer [REDACTED:bearer] "
                + "and [REDACTED:api-key]");
    }

    @Test
    void keepsJsonStructureWhileRedactingSecretValues() {
        String line = "{\"user\":\"alice\",\"password\":\"p\\\"w,}\",\"API_KEY\": \"k-1\",\"apikey\":null,"
                + "\"nested\":{\"client_secret\":\"cs\",\"count\":3},\"digest\":\"3f786850e387550fdab836ed7e6dc881\"}";

        String redacted = sanitizer.sanitize(line);

        JsonNode json = JsonMapper.builder().build().readTree(redacted);
        assertThat(json.get("user").asString()).isEqualTo("alice");
        assertThat(json.get("password").asString()).isEqualTo("[REDACTED:secret]");
        assertThat(json.get("API_KEY").asString()).isEqualTo("[REDACTED:secret]");
        assertThat(json.get("nested").get("client_secret").asString()).isEqualTo("[REDACTED:secret]");
        assertThat(json.get("nested").get("count").asInt()).isEqualTo(3);
        assertThat(json.get("digest").asString()).isEqualTo("3f786850e387550fdab836ed7e6dc881");
        assertThat(redacted).doesNotContain("p\\\"w").doesNotContain("k-1");
    }

    @Test
    void redactsJsonEmbeddedInAJsonString() {
        String line = "{\"msg\":\"{\\\"token\\\":\\\"t0k3n\\\",\\\"n\\\":1}\"}";
        assertThat(sanitizer.sanitize(line))
            .isEqualTo("{\"msg\":\"{\\\"token\\\":\\\"[REDACTED:secret]\\\",\\\"n\\\":1}\"}");
    }

    @Test
    void redactsAPrivateKeyOnOneLine() {
        String line = "key: \"-----BEGIN RSA PRIVATE KEY-----\\nMIIEow\\n-----END RSA PRIVATE KEY-----\\n\" ok";
        assertThat(sanitizer.sanitize(line)).isEqualTo(
                "key: \"-----BEGIN RSA PRIVATE KEY-----[REDACTED:private-key]-----END RSA PRIVATE KEY-----\\n\" ok");
    }

    @Test
    void redactsAPrivateKeyBlockSpreadOverLinesAndOnlyThat() {
        assertThat(sanitizer.sanitize("-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjE"))
            .isEqualTo("-----BEGIN OPENSSH PRIVATE KEY-----[REDACTED:private-key]");
        assertThat(sanitizer.sanitize("Proc-Type: 4,ENCRYPTED")).isEqualTo("[REDACTED:private-key]");
        assertThat(sanitizer.sanitize("MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun"))
            .isEqualTo("[REDACTED:private-key]");
        assertThat(sanitizer.sanitize("warning: something on stderr")).isEqualTo("warning: something on stderr");
        assertThat(sanitizer.sanitize("VuNWbg0ESmjRSJ9v+lAyXh6G0aa=")).isEqualTo("[REDACTED:private-key]");
        assertThat(sanitizer.sanitize("-----END OPENSSH PRIVATE KEY-----"))
            .isEqualTo("-----END OPENSSH PRIVATE KEY-----");
        assertThat(sanitizer.sanitize("MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun"))
            .as("after END, base64 output is ordinary output again")
            .isEqualTo("MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun");
    }

    @Test
    void keyBlocksOfOneExecutionDoNotLeakIntoAnother() {
        LogLineSanitizer first = shared.forExecution();
        LogLineSanitizer second = shared.forExecution();
        first.sanitize("-----BEGIN PRIVATE KEY-----");
        assertThat(second.sanitize("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo="))
            .isEqualTo("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=");
        assertThat(first.sanitize("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=")).isEqualTo("[REDACTED:private-key]");
    }

    /**
     * Lines built to make the secret patterns backtrack (16 KB of one pattern's prefix
     * over and over) are answered within a time limit — a catastrophic backtrack would
     * hang, hence a preemptive limit, generous enough never to fail on a slow machine —
     * and with exactly what a reader must get: harmless text unchanged, every
     * secret-looking value redacted, and the same answer from the shared and the
     * per-execution sanitizer.
     */
    @Test
    void hostileLongLinesAreAnsweredInTimeAndCorrectly() {
        // a seed, and the answer to 16 KB of it (the line itself: it comes back
        // unchanged)
        Map<String, String> answers = new LinkedHashMap<>();
        for (String harmless : List.of("a://b:", "eyJa.", "-----BEGIN ", "x", "aaaa.", ":=", "0123456789abcdef")) {
            answers.put(harmless, sixteenKilobytesOf(harmless));
        }
        // one key, and everything after it is its value
        answers.put("password=", "password=[REDACTED:secret]");
        // one API key of 16 KB
        answers.put("sk-", "[REDACTED:api-key]");
        // 2340 words: each "Bearer" takes the next one as its token
        answers.put("Bearer ", "Bearer [REDACTED:bearer] ".repeat(1170));
        // 1638 JSON keys: each takes the next one's escaped quote and name as its value
        answers.put("\"token\":\"\\", "\"token\":\"[REDACTED:secret]\":\"\\".repeat(819));

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> answers.forEach((seed, expected) -> {
            String line = sixteenKilobytesOf(seed);
            String answer = sanitizer.sanitize(line);
            assertThat(answer).as("16 KB of %s", seed).isEqualTo(expected);
            assertThat(shared.sanitize(line)).as("16 KB of %s, shared sanitizer", seed).isEqualTo(answer);
        }));
    }

    private static String sixteenKilobytesOf(String seed) {
        return seed.repeat(16 * 1024 / seed.length());
    }

}
