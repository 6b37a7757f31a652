package com.agentnexus.launcher.faults;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Whether a Docker-API engine answers {@code /_ping} at {@code DOCKER_HOST} (unix:// or
 * tcp://).
 */
final class DockerApiEngine {

    private DockerApiEngine() {
    }

    static @Nullable String host() {
        String host = System.getProperty("DOCKER_HOST", System.getenv("DOCKER_HOST"));
        return host == null || host.isBlank() ? null : host;
    }

    static boolean answers(String host) {
        try {
            return host.startsWith("unix://") ? pingUnix(host.substring("unix://".length())) : pingTcp(host);
        }
        catch (IOException | RuntimeException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean pingUnix(String path) throws IOException {
        try (var channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(path));
            channel.write(
                    ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(64);
            channel.read(answer);
            String status = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
            return status.matches("HTTP/1\\.[01] 200[\\s\\S]*");
        }
    }

    private static boolean pingTcp(String host) throws IOException, InterruptedException {
        URI uri = URI.create(host.replaceFirst("^tcp://", "http://") + "/_ping");
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

}
