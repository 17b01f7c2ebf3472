package vn.portal.web.security.oidc;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the portal needs to know about its OpenID provider, read once from configuration
 * ({@code PORTAL_OIDC_*}, see the README). Nothing here is specific to the development sandbox: any provider that
 * follows OpenID Connect Core and Discovery works by changing these values.
 *
 * @param redirectUri           the exact redirect URI registered with the provider
 * @param clientAuthentication  {@code client_secret_basic} or {@code private_key_jwt}
 * @param clientKeyFile         the private JWK for {@code private_key_jwt}, else {@code null}
 * @param acrValues             the {@code acr_values} that ask the provider for each level at a step-up
 * @param jwksMinRefresh        the least time between two JWK set fetches caused by an unknown {@code kid}
 */
public record OidcSettings(URI discoveryUri,
                           String issuer,
                           String clientId,
                           String clientSecret,
                           String clientAuthentication,
                           Path clientKeyFile,
                           URI redirectUri,
                           URI postLogoutRedirectUri,
                           Set<String> trustedAudiences,
                           ClaimNames claims,
                           Map<AssuranceLevel, String> acrValues,
                           Duration httpTimeout,
                           Duration jwksMinRefresh,
                           Duration metadataRefresh,
                           Duration maxClockSkew) {

    public static final String CLIENT_SECRET_BASIC = "client_secret_basic";
    public static final String PRIVATE_KEY_JWT = "private_key_jwt";
    private static final String WELL_KNOWN = "/.well-known/openid-configuration";

    public OidcSettings {
        Objects.requireNonNull(discoveryUri, "discovery URI");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "client id");
        Objects.requireNonNull(redirectUri, "redirect URI");
        Objects.requireNonNull(claims, "claim names");
        trustedAudiences = Set.copyOf(trustedAudiences);
        acrValues = Map.copyOf(acrValues);
        if (!CLIENT_SECRET_BASIC.equals(clientAuthentication) && !PRIVATE_KEY_JWT.equals(clientAuthentication)) {
            throw new IllegalArgumentException("PORTAL_OIDC_CLIENT_AUTH must be " + CLIENT_SECRET_BASIC + " or "
                    + PRIVATE_KEY_JWT + ", not '" + clientAuthentication + "'");
        }
        if (PRIVATE_KEY_JWT.equals(clientAuthentication) && clientKeyFile == null) {
            throw new IllegalArgumentException("PORTAL_OIDC_CLIENT_AUTH=private_key_jwt needs PORTAL_OIDC_CLIENT_KEY_FILE");
        }
    }

    /**
     * The issuer a discovery document at {@code discoveryUri} must declare (OpenID Connect Discovery 1.0 §4.3):
     * the URI with the well-known suffix removed.
     */
    /** The {@code acr_values} to request for a level: configured, else the level's VNeID-style URN. */
    public String acrFor(AssuranceLevel level) {
        return acrValues.getOrDefault(level, level.acr());
    }

    public static String issuerOf(URI discoveryUri) {
        String uri = discoveryUri.toString();
        return uri.endsWith(WELL_KNOWN) ? uri.substring(0, uri.length() - WELL_KNOWN.length()) : uri;
    }

    /** Names of the provider's claims; VNeID's vocabulary by default, configurable for other providers. */
    public record ClaimNames(String personalId, String fullName, String birthDate, String gender, String level) {
        public ClaimNames {
            Objects.requireNonNull(personalId);
            Objects.requireNonNull(fullName);
            Objects.requireNonNull(birthDate);
            Objects.requireNonNull(gender);
            Objects.requireNonNull(level);
        }
    }
}
