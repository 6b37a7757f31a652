package com.agentnexus.execution.security;

import com.agentnexus.events.UserId;
import com.agentnexus.support.BearerRoles;
import org.springframework.security.core.Authentication;

/** The authenticated user behind a request: the token's {@code sub}, and whether it has the admin role. */
public record Caller(UserId userId, boolean admin) {

    public static Caller of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> BearerRoles.ADMIN_AUTHORITY.equals(authority.getAuthority()));
        return new Caller(new UserId(authentication.getName()), admin);
    }

    /** Whether this caller may see what {@code owner} started. */
    public boolean maySee(UserId owner) {
        return admin || userId.equals(owner);
    }
}
