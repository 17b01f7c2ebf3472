/**
 * Password hashes imported from agencies' legacy systems (DESIGN.md §5) and their verification, so a citizen
 * can prove an old account is theirs by typing its old password. Only verification lives here: the portal
 * never creates legacy hashes. Every comparison of digests is constant-time. The attempts of a citizen to
 * prove a password are counted in the database ({@code ClaimAttemptRepository}) so the lock-out holds on every node.
 */
package vn.portal.bridge.domain.model.credential;
