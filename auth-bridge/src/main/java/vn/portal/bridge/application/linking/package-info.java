/**
 * The one linking engine: {@link vn.portal.bridge.application.linking.LinkingEngine} reads the population
 * register into the matcher's in-memory index, streams an agency's legacy accounts in id order, asks
 * {@link vn.portal.bridge.domain.model.matching.Matcher} for a decision on each and records it (an ACTIVE
 * identity link, a review item, or an unlinkable verdict) with its evidence and audit events. The CLI
 * {@code link}, the Jakarta Batch job {@code link-accounts} and the citizen's self-linking page all call it;
 * it also writes the links export. Nothing here depends on a container.
 */
package vn.portal.bridge.application.linking;
