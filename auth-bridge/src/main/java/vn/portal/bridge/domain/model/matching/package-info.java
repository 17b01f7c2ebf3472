/**
 * The container-free record-linkage core that ties agencies' legacy accounts to people of the national
 * population register, in the Fellegi-Sunter style: explicit blocking rules choose candidate pairs,
 * comparisons with ordered agreement levels turn each pair into log2 Bayes-factor weights read from a
 * model resource ({@code matching-model.properties}), and a {@link vn.portal.bridge.domain.model.matching.Matcher}
 * applies deterministic rules first, then scores, thresholds and guards. Every
 * {@link vn.portal.bridge.domain.model.matching.Decision} carries its
 * {@link vn.portal.bridge.domain.model.matching.Evidence}, as JSON and as an English explanation.
 * Nothing here touches a database or a container; callers map their entities to
 * {@link vn.portal.bridge.domain.model.matching.AccountRecord} and
 * {@link vn.portal.bridge.domain.model.matching.PersonRecord}.
 */
package vn.portal.bridge.domain.model.matching;
