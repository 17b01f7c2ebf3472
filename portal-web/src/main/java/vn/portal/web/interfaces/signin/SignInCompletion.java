package vn.portal.web.interfaces.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import vn.portal.bridge.application.CitizenSignIn;
import vn.portal.bridge.application.SessionRegistry;
import vn.portal.bridge.application.StaffDirectory;
import vn.portal.bridge.application.VerifiedCitizen;
import vn.portal.bridge.domain.model.citizen.CitizenIdentity;
import vn.portal.bridge.domain.model.session.SessionEndReason;
import vn.portal.web.config.PortalConfiguration;
import vn.portal.web.security.oidc.RejectionCode;
import vn.portal.web.security.oidc.SignInRejectedException;
import vn.portal.web.security.session.CsrfTokens;
import vn.portal.web.security.session.SignedInUser;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a verified citizen into a portal session: records the sign-in in the auth bridge (finding or creating the
 * unified identity by personal ID, which audits the sign-in), loads staff roles, rotates the session id (session
 * fixation), and registers the session where any cluster node can end it.
 */
@ApplicationScoped
public class SignInCompletion {

    /** Request attribute carrying the raw ID token from the callback to here (kept as logout hint). */
    static final String ID_TOKEN_ATTRIBUTE = SignInCompletion.class.getName() + ".idToken";

    @Inject
    CitizenSignIn citizens;

    @Inject
    StaffDirectory staff;

    @Inject
    SessionRegistry sessions;

    @Inject
    PortalConfiguration configuration;

    void complete(HttpServletRequest request, HttpServletResponse response, VerifiedCitizen citizen, PendingSignIn pending)
            throws IOException {
        if (pending.isStepUp() && !citizen.assuranceLevel().satisfies(pending.requiredLevel())) {
            throw new SignInRejectedException(RejectionCode.STEP_UP_REFUSED, "service " + pending.serviceCode()
                    + " needs level " + pending.requiredLevel().number() + " but the provider still vouches for level "
                    + citizen.assuranceLevel().number());
        }
        CitizenIdentity identity = citizens.recordSignIn(citizen);
        Set<String> roles = staff.rolesOf(citizen.personalId()).stream()
                .map(grant -> grant.role().name() + grant.agencyCode().map(agency -> ":" + agency).orElse(""))
                .collect(Collectors.toUnmodifiableSet());

        HttpSession session = request.getSession();
        if (session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser previous) {
            sessions.end(previous.sessionKey(), SessionEndReason.REPLACED);
        }
        request.changeSessionId();
        String sessionKey = sessions.start(citizen.personalId(), citizen.assuranceLevel(), citizen.providerSubject(),
                citizen.providerSid()).sessionKey();
        SignedInUser user = new SignedInUser(sessionKey, identity.id().orElseThrow(), citizen.personalId().value(),
                citizen.personalId().masked(), citizen.fullName().display(), citizen.birthDate(), citizen.gender(),
                citizen.assuranceLevel(), roles,
                citizen.providerSubject(), citizen.providerSid(), (String) request.getAttribute(ID_TOKEN_ATTRIBUTE),
                CsrfTokens.newToken(), Instant.now());
        session.setAttribute(SignedInUser.SESSION_ATTRIBUTE, user);
        session.setMaxInactiveInterval((int) configuration.sessionIdleTimeout().toSeconds());
        response.sendRedirect(request.getContextPath() + pending.returnPath());
    }
}
