package vn.portal.web.interfaces.signin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The return path after sign-in: only a local path survives, everything that a browser could read as another
 * origin falls back to the dashboard (open-redirect defence, RFC 6749 §10.15 and OWASP's unvalidated redirects).
 */
class PendingSignInTest {

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "/services/open?code=DKKS-01", "/services", "/admin/agencies?page=2#top",
            "/dịch-vụ/khai-sinh"})
    void keepsLocalPath(String path) {
        assertThat(PendingSignIn.safeReturnPath(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void fallsBackToDashboardWithoutAPath(String path) {
        assertThat(PendingSignIn.safeReturnPath(path)).isEqualTo("/dashboard");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.2/phish",       // absolute URL
            "HTTPS://127.0.0.2/phish",
            "//127.0.0.2/phish",            // protocol-relative: same scheme, other host
            "///127.0.0.2/phish",
            "/\\127.0.0.2/phish",           // browsers read a backslash as a slash
            "\\\\127.0.0.2/phish",
            "javascript:alert(document.cookie)",
            "data:text/html,<script>alert(1)</script>",
            "services",                      // relative: resolved against /callback
            "127.0.0.2/phish",
    })
    void refusesTargetThatLeavesThePortal(String target) {
        assertThat(PendingSignIn.safeReturnPath(target)).isEqualTo("/dashboard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/\t/127.0.0.2", "/\n/127.0.0.2", "/dashboard\r\nSet-Cookie: JSESSIONID=x", "/\u0000"})
    void refusesControlCharactersThatBrowsersDropOrThatSplitHeaders(String target) {
        assertThat(PendingSignIn.safeReturnPath(target)).isEqualTo("/dashboard");
    }

    @Test
    void keepsPathOfExactly512Characters() {
        String path = "/" + "a".repeat(511);

        assertThat(PendingSignIn.safeReturnPath(path)).isEqualTo(path);
    }

    @Test
    void refusesPathLongerThan512Characters() {
        assertThat(PendingSignIn.safeReturnPath("/" + "a".repeat(512))).isEqualTo("/dashboard");
    }
}
