package vn.portal.web.security.session;

import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.identity.Gender;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * Who is signed in, kept in the HTTP session (and therefore replicated across a Payara cluster: it must stay small
 * and serializable). The {@code sessionKey} ties the HTTP session to its {@code portal_session} row, which is what
 * a back-channel logout on any node ends.
 *
 * @param birthDate    as the provider vouched for it, or {@code null}
 * @param gender       as the provider vouched for it, or {@code null}
 * @param personalId   the 12-digit personal ID (never logged; use {@link #maskedPersonalId()})
 * @param idTokenHint  the raw ID token, sent back as {@code id_token_hint} at RP-initiated logout
 * @param roles        staff roles, e.g. {@code ADMINISTRATOR}, {@code AGENCY_OFFICER:BCA}
 * @param csrfToken    random value that state-changing forms (logout) must echo; not a cookie, so another site
 *                     cannot make the browser send it
 */
public record SignedInUser(String sessionKey,
                           long identityId,
                           String personalId,
                           String maskedPersonalId,
                           String fullName,
                           LocalDate birthDate,
                           Gender gender,
                           AssuranceLevel level,
                           Set<String> roles,
                           String providerSubject,
                           String providerSid,
                           String idTokenHint,
                           String csrfToken,
                           Instant signedInAt) implements Serializable {

    /** HTTP session attribute under which the signed-in user is kept. */
    public static final String SESSION_ATTRIBUTE = SignedInUser.class.getName();

    public static final String ROLE_ADMINISTRATOR = "ADMINISTRATOR";
    public static final String ROLE_AGENCY_OFFICER = "AGENCY_OFFICER";

    public SignedInUser {
        Objects.requireNonNull(sessionKey);
        Objects.requireNonNull(personalId);
        Objects.requireNonNull(level);
        Objects.requireNonNull(csrfToken);
        roles = Set.copyOf(roles);
    }

    public boolean isAdministrator() {
        return roles.contains(ROLE_ADMINISTRATOR);
    }

    /** Any agency officer grant, whichever the agency. */
    public boolean isAgencyOfficer() {
        return roles.stream().anyMatch(r -> r.startsWith(ROLE_AGENCY_OFFICER));
    }

    /** Agency codes this user is an officer of. */
    public Set<String> officerAgencies() {
        return roles.stream().filter(r -> r.startsWith(ROLE_AGENCY_OFFICER + ":"))
                .map(r -> r.substring(ROLE_AGENCY_OFFICER.length() + 1))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public boolean satisfies(AssuranceLevel required) {
        return level.satisfies(required);
    }
}
