package vn.portal.it;

import vn.portal.it.portal.PortalBrowser;
import vn.portal.it.portal.SignInAttempt;
import vn.portal.it.provider.Citizen;
import vn.portal.it.provider.HostileProvider;
import vn.portal.it.provider.ProviderCase;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh browser signed in through the provider, honest for this sign-in, as the classes that test signed-in pages need. */
final class SignedIn {

    private SignedIn() {
    }

    /** Signs {@code citizen} in through {@code provider} in a new browser; fails the test if the sign-in does not land. */
    static PortalBrowser as(HostileProvider provider, Citizen citizen, String caseName) {
        provider.behave(ProviderCase.honest(caseName).vouchingFor(citizen));
        PortalBrowser browser = new PortalBrowser(ItSettings.portal());
        SignInAttempt attempt = browser.signIn();
        String context = attempt + "\n" + provider.describe();
        assertThat(attempt.reachedCallback()).as("sign-in reached /callback; " + context).isTrue();
        assertThat(attempt.finalResponse().statusCode()).as("callback status; " + context).isEqualTo(302);
        assertThat(browser.me().statusCode()).as("/api/me after signing in " + citizen.fullName()).isEqualTo(200);
        return browser;
    }
}
