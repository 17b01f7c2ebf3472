package vn.portal.sandbox.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientAuthenticationVerifier;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientCredentialsSelector;
import com.nimbusds.oauth2.sdk.auth.verifier.Context;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.auth.verifier.JWTAudienceCheck;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Authenticates the client at the token endpoint: {@code client_secret_basic} (RFC 6749 §2.3.1) or
 * {@code private_key_jwt} (OpenID Connect Core 1.0 §9, RFC 7523 §3). Nimbus does the cryptography and the
 * claim checks; this class adds what Nimbus leaves to the server: which methods are allowed, the algorithm
 * allow-list, and single use of each assertion's {@code jti}.
 */
final class ClientAuthenticator {

    static final List<JWSAlgorithm> ASSERTION_ALGORITHMS = List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256);

    private final ClientRegistration client;
    private final ClientAuthenticationVerifier<Void> verifier;
    private final ExpiringMap<String, Boolean> usedAssertionIds;
    private final Clock clock;

    ClientAuthenticator(ClientRegistration client, String issuer, String tokenEndpoint,
                        ExpiringMap<String, Boolean> usedAssertionIds, Clock clock) {
        this.client = client;
        this.usedAssertionIds = usedAssertionIds;
        this.clock = clock;
        // RFC 7523 §3 item 3: the audience identifies the authorization server; the token endpoint URL and the
        // issuer are both accepted (LEGACY lets the assertion name either, as many client libraries do).
        this.verifier = new ClientAuthenticationVerifier<>(new Selector(),
                Set.of(new Audience(tokenEndpoint), new Audience(issuer)), JWTAudienceCheck.LEGACY);
    }

    /**
     * @throws InvalidClientException with a message fit for the {@code error_description} of an
     *                                {@code invalid_client} response
     */
    void authenticate(ClientAuthentication auth) throws InvalidClientException {
        ClientAuthenticationMethod method = auth.getMethod();
        if (!ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)
                && !ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(method)) {
            throw new InvalidClientException("Client authentication method " + method
                    + " is not supported; use client_secret_basic or private_key_jwt");
        }
        if (auth instanceof PrivateKeyJWT jwt
                && !ASSERTION_ALGORITHMS.contains(jwt.getClientAssertion().getHeader().getAlgorithm())) {
            throw new InvalidClientException("Client assertion algorithm "
                    + jwt.getClientAssertion().getHeader().getAlgorithm() + " is not allowed");
        }
        try {
            // Checks iss = sub = client_id, aud, exp (RFC 7523 §3 items 1, 2, 3, 4) and the signature (item 9).
            verifier.verify(auth, null, new Context<>());
        } catch (JOSEException e) {
            throw new InvalidClientException("Client assertion could not be verified: " + e.getMessage());
        }
        if (auth instanceof PrivateKeyJWT jwt) {
            // RFC 7523 §3 item 7: the server may refuse a jti it has seen; we always do, for as long as the
            // assertion could still be valid.
            var claims = jwt.getJWTAuthenticationClaimsSet();
            if (claims.getJWTID() == null) {
                throw new InvalidClientException("Client assertion has no jti, so its single use cannot be enforced");
            }
            Instant now = clock.instant();
            Instant keepUntil = claims.getExpirationTime().toInstant().plusSeconds(60);
            if (!usedAssertionIds.putIfAbsent(client.clientId() + " " + claims.getJWTID().getValue(), Boolean.TRUE,
                    keepUntil, now)) {
                throw new InvalidClientException("Client assertion jti " + claims.getJWTID().getValue()
                        + " was already used");
            }
        }
    }

    private final class Selector implements ClientCredentialsSelector<Void> {

        @Override
        public List<Secret> selectClientSecrets(ClientID clientID, ClientAuthenticationMethod method, Context<Void> context)
                throws InvalidClientException {
            requireKnown(clientID);
            if (!ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)) {
                throw InvalidClientException.NOT_REGISTERED_FOR_AUTH_METHOD;
            }
            return List.of(new Secret(client.secret()));
        }

        @Override
        public List<? extends PublicKey> selectPublicKeys(ClientID clientID, ClientAuthenticationMethod method,
                                                          JWSHeader header, boolean forceRefresh, Context<Void> context)
                throws InvalidClientException {
            requireKnown(clientID);
            if (!ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(method)) {
                throw InvalidClientException.NOT_REGISTERED_FOR_AUTH_METHOD;
            }
            if (client.publicKeys() == null) {
                throw InvalidClientException.NO_REGISTERED_JWK_SET;
            }
            try {
                List<JWK> jwks = client.publicKeys().get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
                return KeyConverter.toJavaKeys(jwks).stream()
                        .filter(PublicKey.class::isInstance).map(PublicKey.class::cast).toList();
            } catch (KeySourceException e) {
                throw new InvalidClientException("Client keys could not be fetched: " + e.getMessage());
            }
        }

        private void requireKnown(ClientID clientID) throws InvalidClientException {
            if (clientID == null || !client.clientId().equals(clientID.getValue())) {
                throw InvalidClientException.BAD_ID;
            }
        }
    }
}
