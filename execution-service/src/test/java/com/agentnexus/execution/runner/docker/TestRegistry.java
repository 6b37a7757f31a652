package com.agentnexus.execution.runner.docker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A registry on loopback speaking the read side of the OCI distribution API (ping,
 * manifests, blobs) for one image, so that the engine's real pull path can be exercised
 * where no public registry is reachable. The image is the engine's own local one,
 * exported with {@code docker save} and given a label of its own so that it gets a new
 * image id: removing the pulled image afterwards never touches the local one. The engine
 * must treat 127.0.0.1 as an insecure (plain HTTP) registry —
 * {@code scripts/docker-api-engine.sh} configures podman so.
 */
final class TestRegistry implements AutoCloseable {

    private static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";

    private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");

    private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/(sha256:[0-9a-f]{64})");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String repository;

    private final String tag;

    private final byte[] manifest;

    private final String manifestDigest;

    private final Map<String, byte[]> blobs;

    private final List<String> requests = new CopyOnWriteArrayList<>();

    private final HttpServer server;

    private TestRegistry(String repository, String tag, byte[] manifest, Map<String, byte[]> blobs) throws IOException {
        this.repository = repository;
        this.tag = tag;
        this.manifest = manifest;
        this.manifestDigest = digest(manifest);
        this.blobs = blobs;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Serves {@code localImage} of {@code engine} as
     * {@code 127.0.0.1:<port>/repository:tag}.
     */
    static TestRegistry serving(DockerEngine engine, String localImage, String repository, String tag) {
        try (InputStream archive = engine.streams().saveImageCmd(localImage).exec()) {
            Map<String, byte[]> files = untar(archive);
            JsonNode saved = JSON.readTree(files.get("manifest.json")).get(0);
            ObjectNode config = (ObjectNode) JSON.readTree(files.get(saved.get("Config").asString()));
            config.withObjectProperty("config").putObject("Labels").put("com.agentnexus.test", "pulled");
            byte[] configBytes = JSON.writeValueAsBytes(config);

            Map<String, byte[]> blobs = new HashMap<>();
            ObjectNode oci = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", MANIFEST_TYPE);
            oci.set("config", descriptor("application/vnd.oci.image.config.v1+json", configBytes, blobs));
            ArrayNode layers = oci.putArray("layers");
            for (JsonNode layer : saved.get("Layers")) {
                // docker save writes layers uncompressed; their digests are then the
                // config's diff_ids
                layers.add(descriptor("application/vnd.oci.image.layer.v1.tar", files.get(layer.asString()), blobs));
            }
            return new TestRegistry(repository, tag, JSON.writeValueAsBytes(oci), blobs);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The full reference an engine pulls. */
    String reference() {
        return "127.0.0.1:" + server.getAddress().getPort() + "/" + repository + ":" + tag;
    }

    /** Every request seen, as "METHOD path". */
    List<String> requests() {
        return List.copyOf(requests);
    }

    String manifestPath() {
        return "/v2/" + repository + "/manifests/" + tag;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            exchange.getResponseHeaders().set("Docker-Distribution-API-Version", "registry/2.0");
            if (path.equals("/v2/") || path.equals("/v2")) {
                respond(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Matcher m = MANIFEST.matcher(path);
            if (m.matches() && m.group(1).equals(repository)
                    && (m.group(2).equals(tag) || m.group(2).equals(manifestDigest))) {
                exchange.getResponseHeaders().set("Docker-Content-Digest", manifestDigest);
                respond(exchange, 200, MANIFEST_TYPE, manifest);
                return;
            }
            Matcher b = BLOB.matcher(path);
            if (b.matches() && b.group(1).equals(repository) && blobs.containsKey(b.group(2))) {
                exchange.getResponseHeaders().set("Docker-Content-Digest", b.group(2));
                respond(exchange, 200, "application/octet-stream", blobs.get(b.group(2)));
                return;
            }
            String code = m.matches() ? "MANIFEST_UNKNOWN" : b.matches() ? "BLOB_UNKNOWN" : "NAME_UNKNOWN";
            respond(exchange, 404, "application/json",
                    ("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"not served here\"}]}")
                        .getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static ObjectNode descriptor(String mediaType, byte[] content, Map<String, byte[]> blobs) {
        String digest = digest(content);
        blobs.put(digest, content);
        return JSON.createObjectNode().put("mediaType", mediaType).put("digest", digest).put("size", content.length);
    }

    private static Map<String, byte[]> untar(InputStream archive) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (var tar = new TarArchiveInputStream(archive)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile()) {
                    var content = new ByteArrayOutputStream();
                    tar.transferTo(content);
                    files.put(entry.getName(), content.toByteArray());
                }
            }
        }
        return files;
    }

    private static String digest(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
