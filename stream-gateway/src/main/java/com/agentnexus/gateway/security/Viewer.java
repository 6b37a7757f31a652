package com.agentnexus.gateway.security;

import com.agentnexus.events.UserId;
import java.security.Principal;
import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The authenticated user of a connection: the token's {@code sub}, and whether its roles include admin. */
public record Viewer(UserId userId, boolean admin) {

    static final String ADMIN_ROLE = "admin";

    /** The viewer of a handshake authenticated by the resource server. */
    public static Viewer of(Principal principal) {
        if (!(principal instanceof JwtAuthenticationToken)) {
            throw new IllegalArgumentException("expected a JWT-authenticated principal");
        }
        Jwt jwt = ((JwtAuthenticationToken) principal).getToken();
        List<String> roles = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.of();
        return new Viewer(new UserId(jwt.getSubject()), roles != null && roles.contains(ADMIN_ROLE));
    }

    /** Whether this viewer may receive the events of an execution started by {@code owner}. */
    public boolean maySee(UserId owner) {
        return admin || userId.equals(owner);
    }
}
