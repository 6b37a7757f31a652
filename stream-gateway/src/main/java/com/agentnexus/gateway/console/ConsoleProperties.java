package com.agentnexus.gateway.console;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the web console's page needs to know beyond the gateway it came from.
 *
 * @param executionServiceUrl Base URL (scheme://host:port, no path) of the execution
 * service whose REST API the web console calls from the browser; the console's pages may
 * connect to it (Content-Security-Policy), and the execution service must allow the
 * gateway's origin (agentnexus.execution.cors.allowed-origins).
 */
@ConfigurationProperties("agentnexus.gateway.console")
record ConsoleProperties(@DefaultValue("http://127.0.0.1:3002") String executionServiceUrl) {

    ConsoleProperties {
        executionServiceUrl = origin(executionServiceUrl);
    }

    /**
     * Only an origin: the page appends the API's paths, and the value goes into the
     * Content-Security-Policy as it is, where a path, a space or a ';' would change what
     * the policy allows.
     */
    private static String origin(String configured) {
        String url = configured.strip();
        if (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException e) {
            throw invalid(configured);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(configured);
        }
        return url;
    }

    private static IllegalArgumentException invalid(String configured) {
        return new IllegalArgumentException("agentnexus.gateway.console.execution-service-url: '" + configured
                + "' is not http(s)://host or http(s)://host:port");
    }

}
