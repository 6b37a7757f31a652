package com.agentnexus.support;

import com.agentnexus.events.UserId;
import java.security.Principal;
import org.springframework.security.core.Authentication;

/**
 * Who is asking, in every service: the token's {@code sub} and whether its roles include
 * admin — decided one way, from the authorities {@link BearerRoles#converter()} gave the
 * authenticated token, for REST requests and WebSocket handshakes alike.
 *
 * @param admin whether this user may see every execution (and the revenue)
 */
public record Viewer(UserId userId, boolean admin) {

    /** The viewer behind an authenticated request or handshake. */
    public static Viewer of(Principal principal) {
        if (!(principal instanceof Authentication authentication)) {
            throw new IllegalArgumentException("expected an authenticated bearer token, got " + principal);
        }
        boolean admin = authentication.getAuthorities()
            .stream()
            .anyMatch(authority -> BearerRoles.ADMIN_AUTHORITY.equals(authority.getAuthority()));
        return new Viewer(new UserId(authentication.getName()), admin);
    }

    /** Whether this viewer may see what {@code owner} started. */
    public boolean maySee(UserId owner) {
        return admin || userId.equals(owner);
    }
}
