package vn.portal.it.provider;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One authorization code and everything the token endpoint must check it against (RFC 6749 §4.1.3,
 * RFC 7636 §4.6). The case is captured at authorization time so a test changing the provider's
 * behaviour later cannot alter a sign-in already under way.
 */
public final class Grant {

    private final String code;
    private final URI redirectUri;
    private final CodeChallenge codeChallenge;
    private final String nonce;
    private final String sid;
    private final ProviderCase providerCase;
    private final AtomicBoolean redeemed = new AtomicBoolean();
    private volatile String accessToken;

    Grant(String code, URI redirectUri, CodeChallenge codeChallenge, String nonce, String sid,
          ProviderCase providerCase) {
        this.code = Objects.requireNonNull(code);
        this.redirectUri = Objects.requireNonNull(redirectUri);
        this.codeChallenge = Objects.requireNonNull(codeChallenge);
        this.nonce = Objects.requireNonNull(nonce);
        this.sid = Objects.requireNonNull(sid);
        this.providerCase = Objects.requireNonNull(providerCase);
    }

    public String code() { return code; }
    public URI redirectUri() { return redirectUri; }
    CodeChallenge codeChallenge() { return codeChallenge; }
    public String nonce() { return nonce; }
    /** The provider session id put in the ID token; back-channel logout tokens name it. */
    public String sid() { return sid; }
    public ProviderCase providerCase() { return providerCase; }
    public String subject() { return providerCase.citizen().subject(); }
    String accessToken() { return accessToken; }

    /** RFC 6749 §4.1.2: a code is used once; the first redemption wins. */
    boolean redeem(String newAccessToken) {
        if (!redeemed.compareAndSet(false, true)) {
            return false;
        }
        this.accessToken = newAccessToken;
        return true;
    }

    boolean isRedeemed() {
        return redeemed.get();
    }
}
