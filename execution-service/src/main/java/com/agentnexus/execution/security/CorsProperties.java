package com.agentnexus.execution.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which browser pages of another origin may call the REST API, such as the web console
 * the stream gateway serves.
 *
 * @param allowedOrigins Origins (scheme://host:port) of the browser pages that may call
 * /api/** from another origin (CORS), by default the stream gateway's web console; any
 * other origin is refused with 403. Each origin is listed: no wildcard, no path. Empty:
 * no page of another origin may call the API.
 */
@ConfigurationProperties("agentnexus.execution.cors")
record CorsProperties(@DefaultValue( {
        "http://127.0.0.1:3001", "http://localhost:3001" }) List<String> allowedOrigins){

    CorsProperties {
        allowedOrigins = allowedOrigins.stream().map(CorsProperties::origin).toList();
    }

    /**
     * The origin as a browser sends it in its {@code Origin} header, which never ends
     * with a slash; anything that cannot be such an origin is refused at start-up rather
     * than silently never matched.
     */
    private static String origin(String configured) {
        String origin = configured.strip();
        if (origin.endsWith("/")) {
            origin = origin.substring(0, origin.length() - 1);
        }
        // an explicit list keeps "never *" a guarantee, not a matter of configuration
        if (origin.contains("*")) {
            throw invalid(configured, "wildcards are not supported, list each origin");
        }
        URI uri;
        try {
            uri = new URI(origin);
        }
        catch (URISyntaxException e) {
            throw invalid(configured, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(configured, "must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(configured, "must be scheme://host or scheme://host:port, without a path");
        }
        return origin;
    }

    private static IllegalArgumentException invalid(String origin, String why) {
        return new IllegalArgumentException(
                "agentnexus.execution.cors.allowed-origins: '" + origin + "' is not an origin: " + why);
    }

}
