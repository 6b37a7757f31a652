package com.agentnexus.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A handshake written byte by byte on a plain socket, for what a WebSocket client hides
 * when the gateway refuses: the status, the headers and the body of the refusal.
 */
final class RawHandshake {

    /** What the gateway answered; header names in lower case. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private RawHandshake() {
    }

    /** A WebSocket upgrade request for {@code target} with these extra header lines. */
    static Answer upgrade(int port, String target, Map<String, String> headers) {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return exchange(port, request.append("\r\n").toString());
    }

    /** A plain HTTP GET (no upgrade) for {@code target} with these extra header lines. */
    static Answer get(int port, String target, Map<String, String> headers) {
        return plain(port, "GET", target, headers);
    }

    /**
     * A plain HTTP request (no upgrade, no body) for {@code target} with these extra
     * header lines.
     */
    static Answer plain(int port, String method, String target, Map<String, String> headers) {
        StringBuilder request = new StringBuilder(
                method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Length: 0\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return exchange(port, request.append("\r\n").toString());
    }

    private static Answer exchange(int port, String request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                answerHeaders.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            int length = Integer.parseInt(answerHeaders.getOrDefault("content-length", "0"));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), answerHeaders, body);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the end of the headers: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1).trim();
    }

}
