package vn.portal.it.provider;

import com.nimbusds.jwt.JWTClaimsSet;

import java.util.Objects;
import java.util.function.Consumer;
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
    private final boolean userInfoWithoutSubject;
    private final AuthorizationIssuer authorizationIssuer;
    private final AuthorizationState authorizationState;
    private final boolean replayEarlierCode;
    private final String authorizationError;
    private final boolean stallTokenEndpoint;
    private final boolean unusableKeysInJwks;
    private final boolean omitIdToken;
    private final String advertisedIssuer;
    private final boolean stallDiscovery;

    private ProviderCase(Draft draft) {
        this.name = Objects.requireNonNull(draft.name, "name");
        this.signing = Objects.requireNonNull(draft.signing, "signing");
        this.keyId = Objects.requireNonNull(draft.keyId, "keyId");
        this.corruptSignature = draft.corruptSignature;
        this.idTokenEdit = Objects.requireNonNull(draft.idTokenEdit, "idTokenEdit");
        this.citizen = Objects.requireNonNull(draft.citizen, "citizen");
        this.userInfoSubject = draft.userInfoSubject;
        this.userInfoWithoutSubject = draft.userInfoWithoutSubject;
        this.authorizationIssuer = Objects.requireNonNull(draft.authorizationIssuer, "authorizationIssuer");
        this.authorizationState = Objects.requireNonNull(draft.authorizationState, "authorizationState");
        this.replayEarlierCode = draft.replayEarlierCode;
        this.authorizationError = draft.authorizationError;
        this.stallTokenEndpoint = draft.stallTokenEndpoint;
        this.unusableKeysInJwks = draft.unusableKeysInJwks;
        this.omitIdToken = draft.omitIdToken;
        this.advertisedIssuer = draft.advertisedIssuer;
        this.stallDiscovery = draft.stallDiscovery;
        if (keyId == KeyId.ABSENT_SINGLE_KEY_JWKS && signing != Signing.RS256) {
            throw new IllegalArgumentException("the single-key JWKS holds the RSA key: sign with RS256");
        }
        if (corruptSignature && signing == Signing.NONE) {
            throw new IllegalArgumentException("an unsigned token has no signature to corrupt");
        }
    }

    /** A provider that does everything right, signing with RS256 and a published kid. */
    public static ProviderCase honest(String name) {
        Draft draft = new Draft();
        draft.name = name;
        return new ProviderCase(draft);
    }

    public ProviderCase signedWith(Signing newSigning) {
        return with(draft -> draft.signing = newSigning);
    }

    public ProviderCase withKeyId(KeyId newKeyId) {
        return with(draft -> draft.keyId = newKeyId);
    }

    /** Signs correctly, then flips bits in the signature so it no longer verifies. */
    public ProviderCase withCorruptedSignature() {
        return with(draft -> draft.corruptSignature = true);
    }

    /**
     * Edits the honest ID token claims just before signing; {@code claim(name, null)} removes a claim
     * (Nimbus does not serialise null claims).
     */
    public ProviderCase withIdToken(UnaryOperator<JWTClaimsSet.Builder> edit) {
        return with(draft -> draft.idTokenEdit = Objects.requireNonNull(edit));
    }

    public ProviderCase vouchingFor(Citizen otherCitizen) {
        return with(draft -> draft.citizen = otherCitizen);
    }

    /** UserInfo answers with this {@code sub} instead of the ID token's. */
    public ProviderCase withUserInfoSubject(String otherSubject) {
        return with(draft -> draft.userInfoSubject = Objects.requireNonNull(otherSubject));
    }

    /** UserInfo answers without the REQUIRED {@code sub} (OpenID Connect Core 1.0 §5.3.2). */
    public ProviderCase withoutUserInfoSubject() {
        return with(draft -> draft.userInfoWithoutSubject = true);
    }

    public ProviderCase withAuthorizationIssuer(AuthorizationIssuer mode) {
        return with(draft -> draft.authorizationIssuer = mode);
    }

    public ProviderCase withAuthorizationState(AuthorizationState mode) {
        return with(draft -> draft.authorizationState = mode);
    }

    /** The authorization response carries the code issued for the previous sign-in, already redeemed. */
    public ProviderCase replayingEarlierCode() {
        return with(draft -> draft.replayEarlierCode = true);
    }

    /** The authorization response is an error (RFC 6749 §4.1.2.1) instead of a code. */
    public ProviderCase withAuthorizationError(String errorCode) {
        return with(draft -> draft.authorizationError = Objects.requireNonNull(errorCode));
    }

    /**
     * The token endpoint holds its answer well past the portal's configured HTTP timeout
     * ({@code PORTAL_OIDC_HTTP_TIMEOUT_MS}), as an overloaded provider would.
     */
    public ProviderCase withStalledTokenEndpoint() {
        return with(draft -> draft.stallTokenEndpoint = true);
    }

    /**
     * The JWKS also carries keys no relying party of ours can use (an Ed25519 key, an RSA key for
     * encryption, a key of a type not yet defined), which must be skipped, not fatal.
     */
    public ProviderCase withUnusableKeysInJwks() {
        return with(draft -> draft.unusableKeysInJwks = true);
    }

    /** The token response is a plain OAuth 2.0 one: access token, no {@code id_token} (Core 1.0 §3.1.3.3 requires it). */
    public ProviderCase withoutIdToken() {
        return with(draft -> draft.omitIdToken = true);
    }

    /**
     * The discovery document declares this {@code issuer} instead of the provider's own (OpenID Connect
     * Discovery 1.0 §4.3 requires them to be identical; the check is what stops provider mix-ups).
     */
    public ProviderCase advertisingIssuer(String otherIssuer) {
        return with(draft -> draft.advertisedIssuer = Objects.requireNonNull(otherIssuer));
    }

    /** The discovery endpoint holds its answer past the portal's HTTP timeout (a provider that is up but slow). */
    public ProviderCase withStalledDiscovery() {
        return with(draft -> draft.stallDiscovery = true);
    }

    public String name() { return name; }
    public Signing signing() { return signing; }
    public KeyId keyId() { return keyId; }
    public boolean corruptSignature() { return corruptSignature; }
    public UnaryOperator<JWTClaimsSet.Builder> idTokenEdit() { return idTokenEdit; }
    public Citizen citizen() { return citizen; }
    public String userInfoSubject() { return userInfoSubject == null ? citizen.subject() : userInfoSubject; }
    public boolean userInfoWithoutSubject() { return userInfoWithoutSubject; }
    public AuthorizationIssuer authorizationIssuer() { return authorizationIssuer; }
    public AuthorizationState authorizationState() { return authorizationState; }
    public boolean replayEarlierCode() { return replayEarlierCode; }
    public String authorizationError() { return authorizationError; }
    public boolean stallTokenEndpoint() { return stallTokenEndpoint; }
    public boolean unusableKeysInJwks() { return unusableKeysInJwks; }
    public boolean omitIdToken() { return omitIdToken; }
    /** The issuer the discovery document declares, or null for the provider's own. */
    public String advertisedIssuer() { return advertisedIssuer; }
    public boolean stallDiscovery() { return stallDiscovery; }

    @Override
    public String toString() {
        return name;
    }

    private ProviderCase with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return new ProviderCase(draft);
    }

    /** Mutable scratch copy used only while deriving a new case; defaults are the honest provider. */
    private static final class Draft {
        private String name;
        private Signing signing = Signing.RS256;
        private KeyId keyId = KeyId.PUBLISHED;
        private boolean corruptSignature;
        private UnaryOperator<JWTClaimsSet.Builder> idTokenEdit = UnaryOperator.identity();
        private Citizen citizen = Citizen.NGUYEN_VAN_AN;
        private String userInfoSubject;
        private boolean userInfoWithoutSubject;
        private AuthorizationIssuer authorizationIssuer = AuthorizationIssuer.CORRECT;
        private AuthorizationState authorizationState = AuthorizationState.ECHOED;
        private boolean replayEarlierCode;
        private String authorizationError;
        private boolean stallTokenEndpoint;
        private boolean unusableKeysInJwks;
        private boolean omitIdToken;
        private String advertisedIssuer;
        private boolean stallDiscovery;

        private Draft() {
        }

        private Draft(ProviderCase from) {
            name = from.name;
            signing = from.signing;
            keyId = from.keyId;
            corruptSignature = from.corruptSignature;
            idTokenEdit = from.idTokenEdit;
            citizen = from.citizen;
            userInfoSubject = from.userInfoSubject;
            userInfoWithoutSubject = from.userInfoWithoutSubject;
            authorizationIssuer = from.authorizationIssuer;
            authorizationState = from.authorizationState;
            replayEarlierCode = from.replayEarlierCode;
            authorizationError = from.authorizationError;
            stallTokenEndpoint = from.stallTokenEndpoint;
            unusableKeysInJwks = from.unusableKeysInJwks;
            omitIdToken = from.omitIdToken;
            advertisedIssuer = from.advertisedIssuer;
            stallDiscovery = from.stallDiscovery;
        }
    }
}
