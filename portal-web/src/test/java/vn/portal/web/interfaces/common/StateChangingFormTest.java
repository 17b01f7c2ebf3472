package vn.portal.web.interfaces.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

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
}
