package com.agentnexus.gateway.console;

import java.util.List;

/**
 * The paths of the web console, which a browser loads before it has a token: the page,
 * its assets and its configuration. They hold no execution data; the page reads that with
 * the user's token, from the execution service and over the WebSocket.
 */
public final class ConsolePaths {

    /** Path patterns (Spring's {@code PathPattern} syntax) served without a token. */
    public static final List<String> PUBLIC = List.of("/", "/index.html", "/console/**", "/webjars/**", "/favicon.ico");

    private ConsolePaths() {
    }

}
