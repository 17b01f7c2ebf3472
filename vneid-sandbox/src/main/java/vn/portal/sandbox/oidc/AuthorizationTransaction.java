package vn.portal.sandbox.oidc;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.openid.connect.sdk.Nonce;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A validated authorization request waiting for the tester to pick a citizen. Identified by an unguessable id,
 * bound to the browser by a cookie and to the picker form by a CSRF token.
 */
final class AuthorizationTransaction {

    final String id;
    final String csrfToken;
    final String browserBinding;
    final ClientRegistration client;
    final URI redirectUri;
    final State state;
    final Nonce nonce;
    final CodeChallenge codeChallenge;
    /** The level a citizen must have to be chosen: the requested level, or 1 when acr_values is voluntary. */
    final int requiredLevel;
    /** The level the relying party asked for with acr_values. */
    final int requestedLevel;
    final Locale locale;
    final AtomicInteger failedAttempts = new AtomicInteger();

    AuthorizationTransaction(String id, String csrfToken, String browserBinding, ClientRegistration client,
                             URI redirectUri, State state, Nonce nonce, CodeChallenge codeChallenge,
                             int requiredLevel, int requestedLevel, Locale locale) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.browserBinding = browserBinding;
        this.client = client;
        this.redirectUri = redirectUri;
        this.state = state;
        this.nonce = nonce;
        this.codeChallenge = codeChallenge;
        this.requiredLevel = requiredLevel;
        this.requestedLevel = requestedLevel;
        this.locale = locale;
    }
}
