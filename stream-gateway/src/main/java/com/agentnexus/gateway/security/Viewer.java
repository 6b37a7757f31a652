package com.agentnexus.gateway.security;

import com.agentnexus.events.UserId;
import com.agentnexus.support.BearerRoles;
import java.security.Principal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The authenticated user of a connection: the token's {@code sub}, and whether its roles include admin. */
public record Viewer(UserId userId, boolean admin) {

    /** The viewer of a handshake authenticated by the resource server. */
    public static Viewer of(Principal principal) {
        if (!(principal instanceof JwtAuthenticationToken)) {
            throw new IllegalArgumentException("expected a JWT-authenticated principal");
        }
        Jwt jwt = ((JwtAuthenticationToken) principal).getToken();
        // the same reading as REST: "admin ops" and ["admin","ops"] are both admin
        return new Viewer(new UserId(jwt.getSubject()), BearerRoles.isAdmin(jwt));
    }

    /** Whether this viewer may receive the events of an execution started by {@code owner}. */
    public boolean maySee(UserId owner) {
        return admin || userId.equals(owner);
    }
}
