/**
 * Persistence of citizen self-linking that is not a link or a review item: the shared counter of failed
 * password proofs ({@code claim_attempt}, V3).
 */
package vn.portal.bridge.infrastructure.persistence.selflink;
