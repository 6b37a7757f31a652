package com.agentnexus.support;

import com.nimbusds.jose.JWSObject;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The claims every service relies on, checked once when the token is decoded so that REST
 * and the WebSocket gateway accept exactly the same tokens: {@code sub} a JSON string
 * that is not blank and that PostgreSQL can store (it becomes the owner of executions; a
 * number is refused although Nimbus would read it as text), {@code roles} absent, a
 * string of space-separated roles or an array of strings ({@link BearerRoles}). The
 * descriptions are constant texts: the 401 answer shows them, never a claim.
 */
final class BearerClaims implements OAuth2TokenValidator<Jwt> {

    static final String SUB_NOT_A_STRING = "The token's 'sub' claim must be a non-blank JSON string.";
    static final String SUB_NOT_STORABLE = "The token's 'sub' claim " + StorableText.REASON + ".";
    static final String ROLES_MALFORMED = "The token's 'roles' claim must be a string of space-separated roles or"
            + " an array of strings.";

    private static final Set<String> DESCRIPTIONS = Set.of(SUB_NOT_A_STRING, SUB_NOT_STORABLE, ROLES_MALFORMED);

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<OAuth2Error> errors = new ArrayList<>();
        Object sub = jwt.getClaims().get(JwtClaimNames.SUB);
        if (!(sub instanceof String subject) || subject.isBlank()) {
            errors.add(invalid(SUB_NOT_A_STRING));
        }
        else if (!StorableText.isStorable(subject)) {
            errors.add(invalid(SUB_NOT_STORABLE));
        }
        Object roles = jwt.getClaims().get(BearerRoles.CLAIM);
        if (roles != null && !(roles instanceof String) && !allStrings(roles)) {
            errors.add(invalid(ROLES_MALFORMED));
        }
        return OAuth2TokenValidatorResult.failure(errors);
    }

    /**
     * Whether the token's payload writes {@code sub} as a JSON string (Nimbus turns a
     * number into text).
     */
    static boolean subjectWrittenAsString(String token) {
        try {
            Map<String, Object> payload = JWSObject.parse(token).getPayload().toJSONObject();
            return payload != null && payload.get(JwtClaimNames.SUB) instanceof String;
        }
        catch (ParseException e) {
            return false;
        }
    }

    static JwtValidationException subjectNotAString() {
        OAuth2Error error = invalid(SUB_NOT_A_STRING);
        return new JwtValidationException(SUB_NOT_A_STRING, List.of(error));
    }

    /** Whether {@code description} is one of ours, safe to show the client. */
    static boolean isOurs(String description) {
        return DESCRIPTIONS.contains(description);
    }

    private static boolean allStrings(Object roles) {
        return roles instanceof Collection<?> values && values.stream().allMatch(String.class::isInstance);
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }

}
