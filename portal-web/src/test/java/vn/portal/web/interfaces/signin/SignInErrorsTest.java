package vn.portal.web.interfaces.signin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.portal.web.security.oidc.RejectionCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP status of a refused sign-in (portal contract: 401, 400 for malformed input, 403 for a refused step-up, 5xx
 * when the provider cannot be reached).
 */
class SignInErrorsTest {

    @ParameterizedTest
    @EnumSource(value = RejectionCode.class, names = {"MALFORMED_CALLBACK", "STATE_MISSING", "STATE_MISMATCH", "NO_SIGN_IN_IN_PROGRESS"})
    void malformedOrUnsolicitedCallbackIsBadRequest(RejectionCode code) {
        assertThat(SignInErrors.statusOf(code)).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(value = RejectionCode.class, names = {"ID_TOKEN_.*", "USERINFO_SUBJECT_MISMATCH", "IDENTITY_INVALID",
            "PROVIDER_ERROR", "AUTHZ_RESPONSE_ISSUER_MISMATCH", "TOKEN_REQUEST_FAILED"}, mode = EnumSource.Mode.MATCH_ANY)
    void refusedProviderResponseIsUnauthorized(RejectionCode code) {
        assertThat(SignInErrors.statusOf(code)).isEqualTo(401);
    }

    @Test
    void refusedStepUpIsForbidden() {
        assertThat(SignInErrors.statusOf(RejectionCode.STEP_UP_REFUSED)).isEqualTo(403);
    }

    @Test
    void unreachableProviderIsServiceUnavailable() {
        assertThat(SignInErrors.statusOf(RejectionCode.PROVIDER_UNAVAILABLE)).isEqualTo(503);
    }

    @Test
    void invalidProviderMetadataIsBadGateway() {
        assertThat(SignInErrors.statusOf(RejectionCode.PROVIDER_METADATA_INVALID)).isEqualTo(502);
    }

    @ParameterizedTest
    @EnumSource(RejectionCode.class)
    void everyCodeHasAnErrorStatus(RejectionCode code) {
        assertThat(SignInErrors.statusOf(code)).isIn(400, 401, 403, 502, 503);
    }
}
