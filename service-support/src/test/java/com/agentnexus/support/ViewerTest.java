package com.agentnexus.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentnexus.events.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

class ViewerTest {

    @Test
    void rolesAsAnArrayOrOneSpaceSeparatedStringMakeAnAdmin() {
        assertThat(viewer(List.of("ops", "admin"))).isEqualTo(new Viewer(new UserId("alice"), true));
        assertThat(viewer("ops admin")).isEqualTo(new Viewer(new UserId("alice"), true));
    }

    @Test
    void otherRolesOrNoneMakeAUserWhoSeesOnlyTheirOwn() {
        Viewer user = viewer("administrator,admin");
        assertThat(user.admin()).isFalse();
        assertThat(user.maySee(new UserId("alice"))).isTrue();
        assertThat(user.maySee(new UserId("bob"))).isFalse();
        assertThat(viewer(null).admin()).isFalse();
    }

    @Test
    void anAdminMaySeeAnyonesExecutions() {
        assertThat(viewer(List.of("admin")).maySee(new UserId("bob"))).isTrue();
    }

    @Test
    void refusesAPrincipalThatIsNoAuthenticatedToken() {
        assertThatThrownBy(() -> Viewer.of(() -> "anonymous")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * As the resource server builds it: the token through
     * {@link BearerRoles#converter()}.
     */
    private static Viewer viewer(Object roles) {
        Jwt.Builder jwt = Jwt.withTokenValue("t")
            .header("alg", "HS256")
            .subject("alice")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60));
        if (roles != null) {
            jwt.claims(claims -> claims.putAll(Map.of("roles", roles)));
        }
        Authentication authentication = BearerRoles.converter().convert(jwt.build()).block();
        return Viewer.of(authentication);
    }

}
