package vn.portal.it.provider;

import com.nimbusds.jwt.JWTClaimsSet;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One way the provider misbehaves during a sign-in (the "Misbehaviour" of a conformance case).
 * Immutable; start from {@link #honest(String)} and change exactly one thing with a {@code with…}
 * method, so that a rejection can only be caused by the rule the case is about.
 */
public final class ProviderCase {

    /** How the ID token is signed. */
    public enum Signing {
        RS256,
        ES256,
        /** HMAC with a secret that is not the client secret: no relying party can have a key for it. */
        HS256_FOREIGN_SECRET,
        /**
         * Algorithm confusion: HMAC keyed with the provider's published RSA public key (its X.509 DER
         * encoding), hoping the relying party verifies "HS256" with whatever key the JWKS gives it.
         */
        HS256_KEYED_WITH_RSA_PUBLIC_KEY,
        /** An unsecured JWT, {@code alg: none} (RFC 7519 §6). */
        NONE
    }

    /** The {@code kid} header of the ID token and what the JWKS publishes. */
    public enum KeyId {
        /** The signing key's kid, published in the JWKS. */
        PUBLISHED,
        /** No kid in the header and a JWKS holding exactly one key, itself without kid. */
        ABSENT_SINGLE_KEY_JWKS,
        /** Signed with a key the JWKS never publishes, even after a refetch. */
        UNPUBLISHED
    }

    /** The RFC 9207 {@code iss} parameter on the authorization response. */
    public enum AuthorizationIssuer { CORRECT, WRONG, ABSENT }

    /** The {@code state} parameter on the authorization response. */
    public enum AuthorizationState { ECHOED, WRONG, ABSENT }

    private final String name;
    private final Signing signing;
    private final KeyId keyId;
    private final boolean corruptSignature;
    private final UnaryOperator<JWTClaimsSet.Builder> idTokenEdit;
    private final Citizen citizen;
    private final String userInfoSubject;
    private final AuthorizationIssuer authorizationIssuer;
    private final AuthorizationState authorizationState;
    private final boolean replayEarlierCode;
    private final String authorizationError;
    private final boolean stallTokenEndpoint;
    private final boolean unusableKeysInJwks;
    private final boolean userInfoWithoutSubject;
    private final boolean omitIdToken;

    private ProviderCase(String name, Signing signing, KeyId keyId, boolean corruptSignature,
                         UnaryOperator<JWTClaimsSet.Builder> idTokenEdit, Citizen citizen, String userInfoSubject,
                         AuthorizationIssuer authorizationIssuer, AuthorizationState authorizationState,
                         boolean replayEarlierCode, String authorizationError, boolean stallTokenEndpoint,
                         boolean unusableKeysInJwks, boolean userInfoWithoutSubject, boolean omitIdToken) {
        this.name = Objects.requireNonNull(name, "name");
        this.signing = Objects.requireNonNull(signing, "signing");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.corruptSignature = corruptSignature;
        this.idTokenEdit = Objects.requireNonNull(idTokenEdit, "idTokenEdit");
        this.citizen = Objects.requireNonNull(citizen, "citizen");
        this.userInfoSubject = userInfoSubject;
        this.authorizationIssuer = Objects.requireNonNull(authorizationIssuer, "authorizationIssuer");
        this.authorizationState = Objects.requireNonNull(authorizationState, "authorizationState");
        this.replayEarlierCode = replayEarlierCode;
        this.authorizationError = authorizationError;
        this.stallTokenEndpoint = stallTokenEndpoint;
        this.unusableKeysInJwks = unusableKeysInJwks;
        this.userInfoWithoutSubject = userInfoWithoutSubject;
        this.omitIdToken = omitIdToken;
        if (keyId == KeyId.ABSENT_SINGLE_KEY_JWKS && signing != Signing.RS256) {
            throw new IllegalArgumentException("the single-key JWKS holds the RSA key: sign with RS256");
        }
    }

    /** A provider that does everything right, signing with RS256 and a published kid. */
    public static ProviderCase honest(String name) {
        return new ProviderCase(name, Signing.RS256, KeyId.PUBLISHED, false, UnaryOperator.identity(),
                Citizen.NGUYEN_VAN_AN, null, AuthorizationIssuer.CORRECT, AuthorizationState.ECHOED, false, null, false, false, false, false);
    }

    public ProviderCase signedWith(Signing newSigning) {
        return new ProviderCase(name, newSigning, keyId, corruptSignature, idTokenEdit, citizen, userInfoSubject,
                authorizationIssuer, authorizationState, replayEarlierCode, authorizationError, stallTokenEndpoint, unusableKeysInJwks, userInfoWithoutSubject, omitIdToken);
    }

    public ProviderCase withKeyId(KeyId newKeyId) {
        return new ProviderCase(name, signing, newKeyId, corruptSignature, idTokenEdit, citizen, userInfoSubject,
                authorizationIssuer, authorizationState, replayEarlierCode, authorizationError, stallTokenEndpoint, unusableKeysInJwks, userInfoWithoutSubject, omitIdToken);
    }

    /** Signs correctly, then flips bits in the signature so it no longer verifies. */
    public ProviderCase withCorruptedSignature() {
        return new ProviderCase(name, signing, keyId, true, idTokenEdit, citizen, userInfoSubject,
                authorizationIssuer, authorizationState, replayEarlierCode, authorizationError, stallTokenEndpoint, unusableKeysInJwks, userInfoWithoutSubject, omitIdToken);
    }

    /**
     * Edits the honest ID token claims just before signing; {@code claim(name, null)} removes a claim
     * (Nimbus does not serialise null claims).
     */
    public ProviderCase withIdToken(UnaryOperator<JWTClaimsSet.Builder> edit) {
        return new ProviderCase(name, signing, keyId, corruptSignature, edit, citizen, userInfoSubject,
                authorizationIssuer, authorizationState, replayEarlierCode, authorizationError, stallTokenEndpoint, unusableKeysInJwks, userInfoWithoutSubject, omitIdToken);
    }

    public ProviderCase vouchingFor(Citizen otherCitizen) {
        return new ProviderCase(name, signing, keyId, corruptSignature, idTokenEdit, otherCitizen, userInfoSubject,
                authorizationIssuer, authorizationState, replayEarlierCode, authorizationError, stallTokenEndpoint, unusableKeysInJwks, userInfoWithoutSubject, omitIdToken);
    }

    /** UserInfo answers with this {@code sub} instead of the ID token's. */
    public ProviderCase withUserInfoSubject(String otherSubject) {
        return new ProviderCase(name, signing, keyId, corruptSignature, idTokenEdit, citizen,
                Objects.requireNonNull(otherSubject), authorizationIssuer, authorizationState, replayEarlierCode,
                authorizationError, stallTokenEndpoint, unusableKeysInJwks, userInfoWithoutSubject, omitIdToken);
    }

    public ProviderCase withAuthorizationIssuer(AuthorizationIssuer mode) {
        return new ProviderCase(name, signing, keyId, corruptSignature, idTokenEdit, citizen, userInfoSubject,
                mode, authorizationState, replayEarlierCode, authorizationError, stallTokenEndpoint, unusableKeysInJwks, userInfoWithoutSubject, omitIdToken);
    }

    public ProviderCase withAuthorizationState(AuthorizationState mode) {
        return new ProviderCase(name, signing, keyId, corruptSignature, idTokenEdit, citizen, userInfoSubject,
                authorizationIssuer, mode, replayEarlierCode, authorizationError, stallTokenEndpoint, unusableKeysInJwks, userInfoWithoutSubject, omitIdToken);
    }

    /** The authorization response carries the code issued for the previous sign-in, already redeemed. */
    public ProviderCase replayingEarlierCode() {
        return new ProviderCase(name, signing, keyId, corruptSignature, idTokenEdit, citizen, userInfoSubject,
                authorizationIssuer, authorizationState, true, authorizationError, stallTokenEndpoint, unusableKeysInJwks, userInfoWithoutSubject, omitIdToken);
    }

    /** The authorization response is an error (RFC 6749 §4.1.2.1) instead of a code. */
    public ProviderCase withAuthorizationError(String errorCode) {
        return new ProviderCase(name, signing, keyId, corruptSignature, idTokenEdit, citizen, userInfoSubject,
                authorizationIssuer, authorizationState, replayEarlierCode, Objects.requireNonNull(errorCode), stallTokenEndpoint, unusableKeysInJwks, userInfoWithoutSubject, omitIdToken);
    }

    /**
     * The token endpoint holds its answer well past the portal's configured HTTP timeout
     * ({@code PORTAL_OIDC_HTTP_TIMEOUT_MS}), as an overloaded provider would.
     */
    public ProviderCase withStalledTokenEndpoint() {
        return new ProviderCase(name, signing, keyId, corruptSignature, idTokenEdit, citizen, userInfoSubject,
                authorizationIssuer, authorizationState, replayEarlierCode, authorizationError, true, unusableKeysInJwks,
                userInfoWithoutSubject, omitIdToken);
    }

    /**
     * The JWKS also carries keys no relying party of ours can use (an Ed25519 key, an RSA key for
     * encryption, a key of a type not yet defined), which must be skipped, not fatal.
     */
    public ProviderCase withUnusableKeysInJwks() {
        return new ProviderCase(name, signing, keyId, corruptSignature, idTokenEdit, citizen, userInfoSubject,
                authorizationIssuer, authorizationState, replayEarlierCode, authorizationError, stallTokenEndpoint,
                true, userInfoWithoutSubject, omitIdToken);
    }

    /** UserInfo answers without the REQUIRED {@code sub} (OpenID Connect Core 1.0 §5.3.2). */
    public ProviderCase withoutUserInfoSubject() {
        return new ProviderCase(name, signing, keyId, corruptSignature, idTokenEdit, citizen, userInfoSubject,
                authorizationIssuer, authorizationState, replayEarlierCode, authorizationError, stallTokenEndpoint,
                unusableKeysInJwks, true, omitIdToken);
    }

    /** The token response is a plain OAuth 2.0 one: access token, no {@code id_token} (Core 1.0 §3.1.3.3 requires it). */
    public ProviderCase withoutIdToken() {
        return new ProviderCase(name, signing, keyId, corruptSignature, idTokenEdit, citizen, userInfoSubject,
                authorizationIssuer, authorizationState, replayEarlierCode, authorizationError, stallTokenEndpoint,
                unusableKeysInJwks, userInfoWithoutSubject, true);
    }

    public String name() { return name; }
    public Signing signing() { return signing; }
    public KeyId keyId() { return keyId; }
    public boolean corruptSignature() { return corruptSignature; }
    public UnaryOperator<JWTClaimsSet.Builder> idTokenEdit() { return idTokenEdit; }
    public Citizen citizen() { return citizen; }
    public String userInfoSubject() { return userInfoSubject == null ? citizen.subject() : userInfoSubject; }
    public AuthorizationIssuer authorizationIssuer() { return authorizationIssuer; }
    public AuthorizationState authorizationState() { return authorizationState; }
    public boolean replayEarlierCode() { return replayEarlierCode; }
    public String authorizationError() { return authorizationError; }
    public boolean stallTokenEndpoint() { return stallTokenEndpoint; }
    public boolean unusableKeysInJwks() { return unusableKeysInJwks; }
    public boolean userInfoWithoutSubject() { return userInfoWithoutSubject; }
    public boolean omitIdToken() { return omitIdToken; }

    @Override
    public String toString() {
        return name;
    }
}
