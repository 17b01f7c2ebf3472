/**
 * Links between legacy accounts and the people of the population register, and the review queue for the
 * cases the linking engine must not decide alone. A link points at a personal ID rather than a signed-in
 * identity because most accounts are linked before their owner first signs in. Every link and review item
 * carries its evidence (JSON written by the matching package) so the decision can be explained. At most one
 * current (ACTIVE or DISPUTED) link and one OPEN review item exist per legacy account: the database enforces
 * it, whatever runs concurrently.
 */
package vn.portal.bridge.domain.model.link;
