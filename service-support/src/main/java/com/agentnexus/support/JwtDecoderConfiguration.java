package com.agentnexus.support;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The HS256 {@link ReactiveJwtDecoder} of every service that authenticates callers, bound
 * to {@code agentnexus.security.jwt-secret}. A service {@code @Import}s it next to its
 * own filter chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JwtProperties.class)
public class JwtDecoderConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties properties) {
        return hs256(properties.jwtSecret());
    }

    static ReactiveJwtDecoder hs256(String secret) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key)
            .macAlgorithm(MacAlgorithm.HS256)
            .build();
        // a token without expiry would be valid forever, one without subject authorises
        // nobody
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull), new BearerClaims()));
        // Nimbus reads a numeric sub as text ("42"), so only the token's own JSON still
        // tells a number from a string; looked at once the signature and the other claims
        // have passed
        return token -> decoder.decode(token)
            .flatMap(jwt -> BearerClaims.subjectWrittenAsString(token) ? Mono.just(jwt)
                    : Mono.error(BearerClaims.subjectNotAString()));
    }

}
