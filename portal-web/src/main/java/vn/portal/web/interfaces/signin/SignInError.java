package vn.portal.web.interfaces.signin;

import vn.portal.web.security.oidc.RejectionCode;

/** What the error page shows: the localised reason and the correlation id that finds the audit event. */
public record SignInError(RejectionCode code, String correlationId) {

    static final String REQUEST_ATTRIBUTE = "signInError";

    public String getCode() {
        return code.name();
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public String getMessageKey() {
        return code.messageKey();
    }
}
