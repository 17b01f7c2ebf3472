package vn.portal.web.interfaces.signin;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.credentials.Credentials;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.jee.context.session.JEESessionStore;
import org.pac4j.oidc.client.OidcClient;
import org.pac4j.oidc.credentials.OidcCredentials;
import org.pac4j.oidc.profile.OidcProfile;
import vn.portal.bridge.application.VerifiedCitizen;
import vn.portal.web.security.oidc.ClaimMapper;
import vn.portal.web.security.oidc.ProviderClient;
import vn.portal.web.security.oidc.RejectionCode;
import vn.portal.web.security.oidc.SignInRejectedException;
import vn.portal.web.security.session.SignedInUser;

import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /callback}, the registered redirect URI. pac4j checks the authorization response (RFC 9207 {@code iss},
 * {@code state}), redeems the code with the PKCE verifier and builds the profile through the portal's verifiers;
 * this servlet turns the outcome into either a fresh portal session or a refusal, and makes sure the
 * state, nonce and verifier of the attempt can never be used again.
 */
@WebServlet(urlPatterns = "/callback")
public class CallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Larger values are not an authorization response, they are an attack on the parser or the logs. */
    private static final int MAX_PARAMETER_LENGTH = 4096;
    private static final int MAX_PARAMETERS = 8;

    private static final java.util.Set<String> STEP_UP_FAILURES = java.util.Set.of(
            "access_denied", "unmet_authentication_requirements", "login_required", "interaction_required");

    @Inject
    transient ProviderClient provider;

    @Inject
    transient SignInErrors errors;

    @Inject
    transient SignInCompletion completion;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        HttpSession session = request.getSession(false);
        PendingSignIn pending = session == null ? null : (PendingSignIn) session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE);
        try {
            checkShape(request);
            if (pending == null) {
                throw new SignInRejectedException(RejectionCode.NO_SIGN_IN_IN_PROGRESS,
                        "callback arrived for a browser session that started no sign-in (expired, or forged)");
            }
            String error = request.getParameter("error");
            if (error != null) {
                throw errorResponse(error, pending);
            }
            VerifiedCitizen citizen = authenticate(request, response);
            completion.complete(request, response, citizen, pending);
        } catch (SignInRejectedException e) {
            errors.reject(request, response, e, currentActor(session));
        } finally {
            forgetAttempt(request);
        }
    }

    private VerifiedCitizen authenticate(HttpServletRequest request, HttpServletResponse response) {
        OidcClient client = provider.client();
        CallContext context = new CallContext(new JEEContext(request, response), new JEESessionStore());
        Credentials credentials;
        try {
            credentials = client.getCredentials(context)
                    .orElseThrow(() -> new SignInRejectedException(RejectionCode.MALFORMED_CALLBACK, "callback carries no authorization response"));
        } catch (RuntimeException e) {
            throw RejectionClassifier.classify(e, RejectionClassifier.Step.CALLBACK);
        }
        try {
            credentials = client.validateCredentials(context, credentials)
                    .orElseThrow(() -> new SignInRejectedException(RejectionCode.TOKEN_REQUEST_FAILED, "token endpoint returned nothing usable"));
        } catch (RuntimeException e) {
            throw RejectionClassifier.classify(e, RejectionClassifier.Step.TOKEN_REQUEST);
        }
        // OpenID Connect Core 1.0 §3.1.3.3: a successful token response MUST carry an ID token. Without one, pac4j
        // would build the profile from UserInfo alone and none of the ID token rules would ever run.
        if (!(credentials instanceof OidcCredentials oidc) || oidc.getIdToken() == null) {
            throw new SignInRejectedException(RejectionCode.TOKEN_REQUEST_FAILED, "token response carries no id_token");
        }
        UserProfile profile;
        try {
            profile = client.getUserProfile(context, credentials)
                    .orElseThrow(() -> new SignInRejectedException(RejectionCode.PROVIDER_ERROR, "no profile could be built"));
        } catch (RuntimeException e) {
            throw RejectionClassifier.classify(e, RejectionClassifier.Step.PROFILE);
        }
        Object sid = profile.getAttribute("sid");
        VerifiedCitizen citizen = new ClaimMapper(provider.settings().claims()).toCitizen(profile, sid == null ? null : sid.toString());
        request.setAttribute(SignInCompletion.ID_TOKEN_ATTRIBUTE, ((OidcProfile) profile).getIdTokenString());
        return citizen;
    }

    /**
     * RFC 6749 §4.1.2.1 and OpenID Connect Core 1.0 §3.1.2.6: the provider refused or the citizen cancelled. During
     * a step-up that means the citizen could not authenticate at the level the service needs, which deserves the
     * step-up explanation rather than a generic failure. Only the error code is kept (it is provider-controlled text).
     */
    private static SignInRejectedException errorResponse(String error, PendingSignIn pending) {
        String code = error.replaceAll("[^A-Za-z0-9_.-]", "?");
        if (pending.isStepUp() && STEP_UP_FAILURES.contains(code)) {
            return new SignInRejectedException(RejectionCode.STEP_UP_REFUSED, "step-up to level "
                    + pending.requiredLevel().number() + " for service " + pending.serviceCode() + " ended with " + code);
        }
        if ("access_denied".equals(code)) {
            return new SignInRejectedException(RejectionCode.SIGN_IN_CANCELLED, "the citizen cancelled at the provider");
        }
        return new SignInRejectedException(RejectionCode.PROVIDER_ERROR, "authorization error response: " + code);
    }

    private static void checkShape(HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        if (parameters.size() > MAX_PARAMETERS) {
            throw new SignInRejectedException(RejectionCode.MALFORMED_CALLBACK, "callback has " + parameters.size() + " parameters");
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getValue().length != 1) {
                throw new SignInRejectedException(RejectionCode.MALFORMED_CALLBACK, "callback repeats parameter " + parameter.getKey());
            }
            if (parameter.getKey().length() > 64 || parameter.getValue()[0].length() > MAX_PARAMETER_LENGTH) {
                throw new SignInRejectedException(RejectionCode.MALFORMED_CALLBACK, "callback parameter is oversized");
            }
        }
        // RFC 6749 §4.1.2 and §4.1.2.1: an authorization response carries either a code or an error, never neither.
        if ((request.getParameter("code") == null) == (request.getParameter("error") == null)) {
            throw new SignInRejectedException(RejectionCode.MALFORMED_CALLBACK, "callback carries neither or both of code and error");
        }
        if (request.getParameter("logout_token") != null) {
            throw new SignInRejectedException(RejectionCode.MALFORMED_CALLBACK, "logout tokens are not accepted at the callback");
        }
    }

    /** State, nonce and PKCE verifier are single-use (RFC 6749 §10.12, RFC 7636 §4.1): drop them on every outcome. */
    private void forgetAttempt(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        session.removeAttribute(PendingSignIn.SESSION_ATTRIBUTE);
        provider.attemptSessionAttributes().forEach(session::removeAttribute);
    }

    private static String currentActor(HttpSession session) {
        if (session == null) {
            return null;
        }
        return session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser user ? user.personalId() : null;
    }
}
