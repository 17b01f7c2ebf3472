package vn.portal.web.security.oidc;

import org.pac4j.core.profile.UserProfile;
import vn.portal.bridge.application.VerifiedCitizen;
import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.IdentityInconsistencyException;
import vn.portal.bridge.domain.model.identity.InvalidIdentityValueException;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.name.VietnameseName;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The one place where the provider's claims become the portal's idea of a citizen. Claim names come from
 * configuration ({@link OidcSettings.ClaimNames}), so a provider that says {@code SoDinhDanh} instead of
 * {@code citizenPid} needs no code change. An identity that does not hold together (malformed personal ID, a
 * birth date or gender that contradicts the digits of the personal ID) is refused: the portal must never key a
 * session, and later the citizen's files, on a number it cannot trust.
 */
public final class ClaimMapper {

    private final OidcSettings.ClaimNames names;

    public ClaimMapper(OidcSettings.ClaimNames names) {
        this.names = Objects.requireNonNull(names);
    }

    /**
     * @param providerSid the provider's session id ({@code sid} claim), or {@code null}
     */
    public VerifiedCitizen toCitizen(UserProfile profile, String providerSid) {
        String rawId = required(profile, names.personalId());
        PersonalId personalId;
        try {
            personalId = PersonalId.parse(rawId);
        } catch (InvalidIdentityValueException e) {
            throw invalid("claim " + names.personalId() + " is not a valid personal ID: " + e.getMessage(), e);
        }
        VietnameseName fullName;
        try {
            fullName = VietnameseName.of(required(profile, names.fullName()));
        } catch (IllegalArgumentException e) {
            throw invalid("claim " + names.fullName() + " is not a usable name: " + e.getMessage(), e);
        }
        LocalDate birthDate = optional(profile, names.birthDate()) == null ? null : birthDate(profile);
        Gender gender = optional(profile, names.gender()) == null ? null : gender(profile);
        AssuranceLevel level;
        try {
            level = AssuranceLevel.parse(required(profile, names.level()));
        } catch (InvalidIdentityValueException e) {
            throw invalid("claim " + names.level() + " is not an account level: " + e.getMessage(), e);
        }
        try {
            return new VerifiedCitizen(personalId, fullName, birthDate, gender, level, profile.getId(), providerSid);
        } catch (IdentityInconsistencyException e) {
            throw invalid("identity claims contradict the personal ID: " + e.getMessage(), e);
        }
    }

    private LocalDate birthDate(UserProfile profile) {
        String value = optional(profile, names.birthDate());
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("claim " + names.birthDate() + " is not an ISO date (yyyy-MM-dd): '" + value + "'", e);
        }
    }

    private Gender gender(UserProfile profile) {
        try {
            return Gender.parse(optional(profile, names.gender()));
        } catch (InvalidIdentityValueException e) {
            throw invalid("claim " + names.gender() + " is not a gender: " + e.getMessage(), e);
        }
    }

    private static String required(UserProfile profile, String claim) {
        String value = optional(profile, claim);
        if (value == null) {
            throw invalid("the provider did not send the claim " + claim, null);
        }
        return value;
    }

    private static String optional(UserProfile profile, String claim) {
        Object value = profile.getAttribute(claim);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static SignInRejectedException invalid(String message, Throwable cause) {
        return new SignInRejectedException(RejectionCode.IDENTITY_INVALID, message, cause);
    }
}
