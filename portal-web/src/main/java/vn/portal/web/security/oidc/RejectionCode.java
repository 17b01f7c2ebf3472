package vn.portal.web.security.oidc;

/**
 * Why a sign-in, a step-up or a back-channel logout was refused. The names are a contract: they appear on the
 * error page ({@code data-error-code}), in the audit log ({@code reason}) and in the integration tests.
 */
public enum RejectionCode {
    STATE_MISSING,
    STATE_MISMATCH,
    NO_SIGN_IN_IN_PROGRESS,
    AUTHZ_RESPONSE_ISSUER_MISMATCH,
    PROVIDER_ERROR,
    SIGN_IN_CANCELLED,
    MALFORMED_CALLBACK,
    TOKEN_REQUEST_FAILED,
    PROVIDER_UNAVAILABLE,
    PROVIDER_METADATA_INVALID,
    ID_TOKEN_ALG_NOT_ALLOWED,
    ID_TOKEN_SIGNATURE_INVALID,
    ID_TOKEN_ISSUER_MISMATCH,
    ID_TOKEN_AUDIENCE_INVALID,
    ID_TOKEN_EXPIRED,
    ID_TOKEN_MISSING_CLAIM,
    ID_TOKEN_IAT_INVALID,
    ID_TOKEN_NONCE_MISMATCH,
    USERINFO_SUBJECT_MISMATCH,
    IDENTITY_INVALID,
    STEP_UP_REFUSED,
    LOGOUT_TOKEN_INVALID;

    /** Key of the Vietnamese/English explanation in the {@code messages} bundle. */
    public String messageKey() {
        return "error." + name();
    }
}
