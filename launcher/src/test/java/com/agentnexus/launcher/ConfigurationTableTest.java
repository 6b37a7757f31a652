package com.agentnexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's table of {@code agentnexus.*} settings is the services' configuration
 * metadata, written out: the metadata the configuration processor generates from the
 * properties records (name, default, description, deprecation) is read from the services'
 * jars on this module's class path, rendered as the table, and compared with the block
 * between the README's markers. A property added, renamed, described or given another
 * default without the README following fails here;
 * {@code -Dagentnexus.readme.update=true} rewrites the block instead.
 */
class ConfigurationTableTest {

    private static final Path README = Path.of("..").toAbsolutePath().normalize().resolve("README.md");

    private static final String START = "<!-- agentnexus properties: generated from the services' configuration "
            + "metadata; ConfigurationTableTest checks it -->";

    private static final String END = "<!-- end of agentnexus properties -->";

    private static final List<String> SERVICES = List.of("execution-service", "stream-gateway", "metrics-aggregator");

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    /** Property name → its metadata, and the services that have it. */
    private static final Map<String, JsonNode> PROPERTIES = new TreeMap<>();

    private static final Map<String, Set<String>> USED_BY = new TreeMap<>();

    @BeforeAll
    static void readTheServicesMetadata() throws IOException {
        for (String service : SERVICES) {
            for (JsonNode metadata : metadataOf(service)) {
                for (JsonNode property : metadata.path("properties")) {
                    String name = property.path("name").stringValue();
                    if (name.startsWith("agentnexus.")) {
                        PROPERTIES.putIfAbsent(name, property);
                        USED_BY.computeIfAbsent(name, n -> new TreeSet<>()).add(service);
                    }
                }
            }
        }
    }

    @Test
    void everyPropertyHasADescription() {
        assertThat(PROPERTIES).as("agentnexus.* properties in the services' metadata").hasSizeGreaterThan(40);
        assertThat(PROPERTIES.values()).allSatisfy(property -> assertThat(property.path("description").stringValue(""))
            .as(property.path("name").stringValue())
            .isNotBlank()
            .doesNotContain("{@"));
    }

    @Test
    void theReadmeTableIsTheMetadata() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("the README's start marker: " + START).isNotNegative();
        assertThat(end).as("the README's end marker: " + END).isGreaterThan(start);
        String expected = table();
        String actual = readme.substring(start + START.length(), end);
        if (!actual.equals(expected) && Boolean.getBoolean("agentnexus.readme.update")) {
            Files.writeString(README, readme.substring(0, start + START.length()) + expected + readme.substring(end));
            return;
        }
        assertThat(actual)
            .as("README.md between the markers; rerun with -Dagentnexus.readme.update=true to "
                    + "rewrite it from the metadata")
            .isEqualTo(expected);
    }

    private static String table() {
        var rows = new StringBuilder("\n| property | default | used by | what it does |\n|---|---|---|---|\n");
        PROPERTIES.forEach((name, property) -> rows.append("| `")
            .append(name)
            .append("` | ")
            .append(defaultOf(property))
            .append(" | ")
            .append(usedBy(USED_BY.get(name)))
            .append(" | ")
            .append(descriptionOf(property))
            .append(" |\n"));
        return rows.toString();
    }

    private static String defaultOf(JsonNode property) {
        JsonNode value = property.path("defaultValue");
        if (value.isMissingNode() || value.isNull()) {
            return "—";
        }
        if (value.isArray()) {
            return value.isEmpty() ? "empty"
                    : value.valueStream().map(v -> "`" + v.asString() + "`").collect(Collectors.joining(", "));
        }
        return "`" + value.asString() + "`";
    }

    private static String usedBy(Set<String> services) {
        return services.size() == SERVICES.size() ? "all three" : String.join(", ", services);
    }

    private static String descriptionOf(JsonNode property) {
        String description = property.path("description").stringValue("").replace("|", "\\|");
        JsonNode deprecation = property.path("deprecation");
        if (deprecation.isMissingNode()) {
            return description;
        }
        return "**Deprecated**, use `" + deprecation.path("replacement").stringValue() + "`. " + description;
    }

    /**
     * The metadata of {@code service} and of the modules packed into it
     * (service-support), from its jar on the class path: the runnable jar the launcher
     * starts ({@code BOOT-INF/classes}, {@code BOOT-INF/lib}) or a plain one.
     */
    private static List<JsonNode> metadataOf(String service) throws IOException {
        List<File> entries = classPath()
            .filter(file -> file.getName().startsWith(service + "-") && file.getName().endsWith(".jar"))
            .toList();
        assertThat(entries).as(service + "'s jar on the class path").isNotEmpty();
        List<JsonNode> metadata = new ArrayList<>();
        for (File jar : entries) {
            try (InputStream in = Files.newInputStream(jar.toPath())) {
                collect(in, metadata);
            }
        }
        assertThat(metadata).as(service + "'s configuration metadata in " + entries).isNotEmpty();
        return metadata;
    }

    private static void collect(InputStream jarBytes, List<JsonNode> metadata) throws IOException {
        try (var jar = new JarInputStream(jarBytes)) {
            for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                String name = entry.getName();
                if (name.equals(METADATA) || name.equals("BOOT-INF/classes/" + METADATA)) {
                    metadata.add(JsonMapper.builder()
                        .build()
                        .readTree(new String(jar.readAllBytes(), StandardCharsets.UTF_8)));
                }
                else if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")
                        && name.substring("BOOT-INF/lib/".length()).startsWith("service-support-")) {
                    collect(new ByteArrayInputStream(jar.readAllBytes()), metadata);
                }
            }
        }
    }

    private static Stream<File> classPath() {
        return Stream.of(System.getProperty("java.class.path"), System.getProperty("surefire.test.class.path"))
            .filter(path -> path != null && !path.isEmpty())
            .flatMap(path -> Stream.of(path.split(File.pathSeparator)))
            .map(File::new)
            .distinct();
    }

}
