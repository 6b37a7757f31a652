package com.agentnexus.gateway.console;

import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The headers the console's pages are served with. The Content-Security-Policy lets a
 * page load scripts, styles and images from the gateway only (no inline script or style,
 * no framing), so injected markup cannot run; it may fetch from the gateway and the
 * execution service only, and open WebSockets to any host ({@code ws: wss:}): the gateway
 * does not know the host name a browser reaches it by, and {@code 'self'} covers its
 * WebSocket only in browsers of CSP level 3. The headers are written when the response is
 * committed, so an error answer of these paths carries them too.
 */
class ConsolePageHeaders implements WebFilter {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    static final String REFERRER_POLICY = "Referrer-Policy";

    static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

    private final List<PathPattern> paths;

    private final String contentSecurityPolicy;

    ConsolePageHeaders(List<String> paths, String executionServiceUrl) {
        this.paths = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.contentSecurityPolicy = contentSecurityPolicy(executionServiceUrl);
    }

    /**
     * {@code base-uri} and {@code form-action} do not fall back to {@code default-src},
     * hence their own directives.
     */
    static String contentSecurityPolicy(String executionServiceUrl) {
        return "default-src 'self'; connect-src 'self' ws: wss: " + executionServiceUrl
                + "; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
                + "base-uri 'self'; form-action 'self'";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (paths.stream().anyMatch(pattern -> pattern.matches(path))) {
            var response = exchange.getResponse();
            response.beforeCommit(() -> Mono.fromRunnable(() -> {
                var headers = response.getHeaders();
                headers.set(CONTENT_SECURITY_POLICY, contentSecurityPolicy);
                headers.set(CONTENT_TYPE_OPTIONS, "nosniff");
                // a link followed from the console tells the other site nothing of
                // where the console runs
                headers.set(REFERRER_POLICY, "no-referrer");
            }));
        }
        return chain.filter(exchange);
    }

}
