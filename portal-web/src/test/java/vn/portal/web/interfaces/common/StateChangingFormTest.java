package vn.portal.web.interfaces.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.web.security.session.SignedInUser;

class StateChangingFormTest {

    /** A request that only answers getParameter: enough for the id parsing, and no mocking library. */
    private static HttpServletRequest withParameters(Map<String, String> parameters) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getParameter")) {
                        return parameters.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void acceptsOnlyPositiveDecimalIds() {
        assertThat(StateChangingForm.id(withParameters(Map.of("account", "42")), "account")).isEqualTo(OptionalLong.of(42));
        for (String bad : new String[] {"", "0", "-1", "1e3", " 42", "42 ", "0x2A", "4２", "9999999999999999999", "abc"}) {
            assertThat(StateChangingForm.id(withParameters(Map.of("account", bad)), "account")).as(bad).isEmpty();
        }
        assertThat(StateChangingForm.id(withParameters(Map.of()), "account")).isEmpty();
    }

    @Test
    void csrfTokenMustBeEchoedExactly() {
        SignedInUser admin = new SignedInUser("session-key-1", 1, "001190000021", "0011******21", "Lê Thị Hoa",
                LocalDate.of(1990, 7, 21), Gender.FEMALE, AssuranceLevel.LEVEL_2, Set.of(SignedInUser.ROLE_ADMINISTRATOR),
                "sub-1", "sid-1", "id-token", "Zt7q0mB3xV9kLw2pRf8sYc", Instant.parse("2026-11-28T03:00:00Z"));

        assertThat(StateChangingForm.carriesCsrfToken(withParameters(Map.of("csrf", "Zt7q0mB3xV9kLw2pRf8sYc")), admin)).isTrue();
        for (String forged : new String[] {"", "Zt7q0mB3xV9kLw2pRf8sY", "Zt7q0mB3xV9kLw2pRf8sYcX", "zt7q0mB3xV9kLw2pRf8sYc"}) {
            assertThat(StateChangingForm.carriesCsrfToken(withParameters(Map.of("csrf", forged)), admin)).as(forged).isFalse();
        }
        assertThat(StateChangingForm.carriesCsrfToken(withParameters(new HashMap<>()), admin)).as("no csrf field").isFalse();
    }
}
