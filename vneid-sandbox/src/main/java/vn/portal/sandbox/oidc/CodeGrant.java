package vn.portal.sandbox.oidc;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.openid.connect.sdk.Nonce;
import vn.portal.sandbox.citizen.Citizen;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What an authorization code stands for. The record outlives the code's 60-second validity so a replay can still be
 * recognised and the tokens it produced revoked (RFC 6749 §4.1.2, §10.5).
 */
final class CodeGrant {

    final String clientId;
    final URI redirectUri;
    final CodeChallenge codeChallenge;
    final Nonce nonce;
    final Citizen citizen;
    final String sid;
    final Instant authTime;
    final List<String> amr;
    final Instant validUntil;
    private final AtomicBoolean redeemed = new AtomicBoolean();
    private final List<String> issuedAccessTokens = new ArrayList<>();
    private boolean revoked;

    CodeGrant(String clientId, URI redirectUri, CodeChallenge codeChallenge, Nonce nonce, Citizen citizen, String sid,
              Instant authTime, List<String> amr, Instant validUntil) {
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.codeChallenge = codeChallenge;
        this.nonce = nonce;
        this.citizen = citizen;
        this.sid = sid;
        this.authTime = authTime;
        this.amr = List.copyOf(amr);
        this.validUntil = validUntil;
    }

    /** Marks the code used; true only for the first caller. */
    boolean redeem() {
        return redeemed.compareAndSet(false, true);
    }

    /**
     * Records a token issued from this code. When a replay already revoked the grant, the token is returned for
     * immediate revocation instead.
     */
    synchronized boolean recordIssued(String accessToken) {
        if (revoked) {
            return false;
        }
        issuedAccessTokens.add(accessToken);
        return true;
    }

    /** Marks the grant revoked and hands back every token issued from it. */
    synchronized List<String> revoke() {
        revoked = true;
        List<String> tokens = List.copyOf(issuedAccessTokens);
        issuedAccessTokens.clear();
        return tokens;
    }
}
