package vn.portal.sandbox.oidc;

import vn.portal.sandbox.citizen.Citizen;

/** What an opaque access token stands for at the userinfo endpoint. */
record AccessGrant(String clientId, Citizen citizen, String sid) {
}
