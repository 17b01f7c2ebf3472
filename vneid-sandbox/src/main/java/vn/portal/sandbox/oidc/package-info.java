/**
 * The OpenID provider itself: endpoints (discovery, JWKS, authorize and the picker decision, token, userinfo,
 * RP-initiated logout with back-channel logout, health, key rotation), the short-lived state they share
 * (transactions, codes, access tokens, SSO sessions) and the tokens they issue. Every protocol check names the
 * specification section it implements.
 */
package vn.portal.sandbox.oidc;
