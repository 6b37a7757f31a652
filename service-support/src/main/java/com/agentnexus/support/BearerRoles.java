package com.agentnexus.support;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;

/** How every service reads roles from a bearer token: the optional {@code roles} claim, as {@code ROLE_<role>}. */
public final class BearerRoles {

    /** The authority of the admin role, who may see every execution and the revenue. */
    public static final String ADMIN_AUTHORITY = "ROLE_admin";

    private BearerRoles() {
    }

    /** Maps the optional {@code roles} claim to {@code ROLE_<role>} authorities. */
    public static ReactiveJwtAuthenticationConverterAdapter converter() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
