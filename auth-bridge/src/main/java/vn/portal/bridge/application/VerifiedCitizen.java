package vn.portal.bridge.application;

import java.time.LocalDate;
import java.util.Objects;

import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.IdentityInconsistencyException;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.name.VietnameseName;

/**
 * What an identity provider asserted about a citizen after the portal validated the ID token and the
 * UserInfo response. Construction refuses claims that contradict the personal ID, so a VerifiedCitizen
 * that exists is internally consistent.
 *
 * @param birthDate     may be null when the provider does not send it
 * @param gender        may be null when the provider does not send it
 * @param providerSid   the ID token's {@code sid} (OpenID Connect Front-/Back-Channel Logout); null if absent
 * @throws IdentityInconsistencyException if birth year or gender contradict the personal ID
 */
public record VerifiedCitizen(PersonalId personalId, VietnameseName fullName, LocalDate birthDate, Gender gender,
        AssuranceLevel assuranceLevel, String providerSubject, String providerSid) {

    public VerifiedCitizen {
        Objects.requireNonNull(personalId, "personalId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(assuranceLevel, "assuranceLevel");
        if (providerSubject == null || providerSubject.isBlank()) {
            throw new IllegalArgumentException("provider subject (sub) must not be blank");
        }
        providerSid = providerSid == null || providerSid.isBlank() ? null : providerSid;
        personalId.checkConsistentWith(birthDate, gender);
    }
}
