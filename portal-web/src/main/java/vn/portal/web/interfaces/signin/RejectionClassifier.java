package vn.portal.web.interfaces.signin;

import com.nimbusds.oauth2.sdk.ParseException;
import org.pac4j.oidc.exceptions.OidcIssuerMismatchException;
import org.pac4j.oidc.exceptions.OidcMissingSessionStateException;
import org.pac4j.oidc.exceptions.OidcMissingStateParameterException;
import org.pac4j.oidc.exceptions.OidcStateMismatchException;
import org.pac4j.oidc.exceptions.OidcTokenException;
import vn.portal.web.security.oidc.RejectionCode;
import vn.portal.web.security.oidc.SignInRejectedException;

import java.io.IOException;
import java.net.URISyntaxException;

/**
 * Turns what pac4j throws during a callback into the portal's {@link RejectionCode}s. The step tells how to read
 * a generic failure: a parse error while reading the callback is the browser's fault, the same error while
 * reading the token response is the provider's.
 */
final class RejectionClassifier {

    enum Step { CALLBACK, TOKEN_REQUEST, PROFILE }

    private RejectionClassifier() {
    }

    static SignInRejectedException classify(RuntimeException e, Step step) {
        if (e instanceof SignInRejectedException rejected) {
            return rejected;
        }
        // RFC 9207 §2.4: the iss parameter must be present and equal when the provider advertises it.
        if (e instanceof OidcIssuerMismatchException) {
            return new SignInRejectedException(RejectionCode.AUTHZ_RESPONSE_ISSUER_MISMATCH,
                    "authorization response iss is missing or not the provider's issuer (mix-up defence)", e);
        }
        // RFC 6749 §10.12: state binds the response to this browser's request.
        if (e instanceof OidcMissingStateParameterException) {
            return new SignInRejectedException(RejectionCode.STATE_MISSING, "authorization response has no state", e);
        }
        if (e instanceof OidcStateMismatchException) {
            return new SignInRejectedException(RejectionCode.STATE_MISMATCH, "authorization response state does not match this session", e);
        }
        if (e instanceof OidcMissingSessionStateException) {
            return new SignInRejectedException(RejectionCode.NO_SIGN_IN_IN_PROGRESS, "this browser session started no sign-in", e);
        }
        if (e instanceof OidcTokenException) {
            return new SignInRejectedException(RejectionCode.TOKEN_REQUEST_FAILED, e.getMessage(), e);
        }
        Throwable cause = e.getCause();
        if (cause instanceof IOException) {
            return new SignInRejectedException(RejectionCode.PROVIDER_UNAVAILABLE, "provider unreachable: " + cause.getMessage(), e);
        }
        if (step == Step.CALLBACK && (cause instanceof ParseException || cause instanceof URISyntaxException)) {
            return new SignInRejectedException(RejectionCode.MALFORMED_CALLBACK, "callback parameters cannot be parsed: " + cause.getMessage(), e);
        }
        if (step == Step.TOKEN_REQUEST) {
            return new SignInRejectedException(RejectionCode.TOKEN_REQUEST_FAILED, "token request failed: " + e.getMessage(), e);
        }
        return new SignInRejectedException(RejectionCode.PROVIDER_ERROR, "sign-in failed: " + e, e);
    }
}
