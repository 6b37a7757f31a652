package com.agentnexus.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class BearerRolesTest {

    @Test
    void readsASpaceSeparatedStringLikeAnArray() {
        assertThat(BearerRoles.of(token("admin ops"))).containsExactlyInAnyOrder("admin", "ops");
        assertThat(BearerRoles.of(token(" ops\tadmin "))).containsExactlyInAnyOrder("admin", "ops");
        assertThat(BearerRoles.of(token(List.of("admin", "ops")))).containsExactlyInAnyOrder("admin", "ops");
    }

    @Test
    void aRoleIsAWholeWordNeverAPrefixOrAListSeparatedOtherwise() {
        assertThat(BearerRoles.isAdmin(token("administrator"))).isFalse();
        assertThat(BearerRoles.isAdmin(token("admin,ops"))).isFalse();
        assertThat(BearerRoles.isAdmin(token(""))).isFalse();
        assertThat(BearerRoles.isAdmin(token("ops admin"))).isTrue();
    }

    @Test
    void grantsTheAdminAuthorityForEitherShape() {
        for (Object roles : List.of("admin ops", List.of("ops", "admin"))) {
            var authentication = BearerRoles.converter().convert(token(roles)).block();

            assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains(BearerRoles.ADMIN_AUTHORITY);
        }
    }

    private static Jwt token(Object roles) {
        return Jwt.withTokenValue("t")
            .header("alg", "HS256")
            .claims(claims -> claims.putAll(Map.of("sub", "alice", "roles", roles)))
            .expiresAt(Instant.now().plusSeconds(60))
            .build();
    }

}
