package com.agentnexus.support;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;

/**
 * How every service — REST and the WebSocket gateway alike — reads roles from a bearer
 * token: the optional {@code roles} claim, either an array of strings
 * ({@code ["admin","ops"]}) or one string of roles separated by whitespace
 * ({@code "admin ops"}, the way OAuth 2 writes {@code scope}). {@link BearerClaims}
 * refuses any other shape when the token is decoded.
 */
public final class BearerRoles {

    /** The authority of the admin role, who may see every execution and the revenue. */
    public static final String ADMIN_AUTHORITY = "ROLE_admin";

    static final String CLAIM = "roles";

    private static final String ADMIN = "admin";

    private BearerRoles() {
    }

    /** Maps the optional {@code roles} claim to {@code ROLE_<role>} authorities. */
    public static ReactiveJwtAuthenticationConverterAdapter converter() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(BearerRoles::authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /** Whether the token carries the admin role. */
    public static boolean isAdmin(Jwt jwt) {
        return of(jwt).contains(ADMIN);
    }

    static Set<String> of(Jwt jwt) {
        Object claim = jwt.getClaims().get(CLAIM);
        Stream<?> roles = claim instanceof String text ? Stream.of(text.trim().split("\\s+"))
                : claim instanceof Collection<?> values ? values.stream() : Stream.empty();
        return roles.filter(String.class::isInstance)
            .map(String.class::cast)
            .filter(role -> !role.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return List.copyOf(of(jwt).stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }

}
