package vn.portal.web.security.oidc;

import java.util.Objects;

/**
 * A response from the provider (or a callback from the browser) that the portal refuses. The message is for the
 * log and the audit trail, in English and never containing tokens; the user sees the localised text of
 * {@link RejectionCode#messageKey()}.
 */
public class SignInRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RejectionCode code;

    public SignInRejectedException(RejectionCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code);
    }

    public SignInRejectedException(RejectionCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code);
    }

    public RejectionCode code() {
        return code;
    }
}
