package com.agentnexus.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The guarantee every service's HTTP side gives: no request gets an answer that is not
 * RFC 9457 problem details, a 5xx included. A service {@code @Import}s it; its own advice
 * still answers the errors it knows first.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemConfiguration {

    @Bean
    WebExceptionHandler lastResortProblems(ServerCodecConfigurer codecs) {
        return new LastResortProblems(codecs);
    }

}
