package vn.portal.web.interfaces.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import vn.portal.web.security.session.SignedInUser;

class StateChangingFormTest {

    @Test
    void acceptsOnlyPositiveDecimalIds() {
        assertThat(StateChangingForm.id(PostedForm.to("/legacy-accounts/claim").field("account", "42").request(), "account"))
                .isEqualTo(OptionalLong.of(42));
        for (String bad : new String[] {"", "0", "-1", "1e3", " 42", "42 ", "0x2A", "4２", "9999999999999999999", "abc"}) {
            assertThat(StateChangingForm.id(PostedForm.to("/legacy-accounts/claim").field("account", bad).request(), "account"))
                    .as(bad).isEmpty();
        }
        assertThat(StateChangingForm.id(PostedForm.to("/legacy-accounts/claim").request(), "account")).isEmpty();
    }

    @Test
    void csrfTokenMustBeEchoedExactly() {
        SignedInUser admin = PostedForm.administrator("Zt7q0mB3xV9kLw2pRf8sYc");

        assertThat(StateChangingForm.carriesCsrfToken(PostedForm.to("/admin/linking/run").field("csrf", "Zt7q0mB3xV9kLw2pRf8sYc").request(),
                admin)).isTrue();
        for (String forged : new String[] {"", "Zt7q0mB3xV9kLw2pRf8sY", "Zt7q0mB3xV9kLw2pRf8sYcX", "zt7q0mB3xV9kLw2pRf8sYc"}) {
            assertThat(StateChangingForm.carriesCsrfToken(PostedForm.to("/admin/linking/run").field("csrf", forged).request(), admin))
                    .as(forged).isFalse();
        }
        assertThat(StateChangingForm.carriesCsrfToken(PostedForm.to("/admin/linking/run").request(), admin)).as("no csrf field").isFalse();
    }

    @Test
    void signedInUserIsTheSessionsOrNobody() {
        SignedInUser citizen = PostedForm.citizen("Qm4vT8yK2pL6wX0sNc3rHd");

        assertThat(StateChangingForm.signedInUser(PostedForm.to("/legacy-accounts/claim").signedIn(citizen).request())).isEqualTo(citizen);
        assertThat(StateChangingForm.signedInUser(PostedForm.to("/legacy-accounts/claim").request())).isNull();
    }
}
