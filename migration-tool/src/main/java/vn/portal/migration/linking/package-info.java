/**
 * The CLI commands {@code link} and {@code export-links}: thin picocli front ends of the auth bridge's one
 * {@link vn.portal.bridge.application.linking.LinkingEngine}, working on the database directly.
 */
package vn.portal.migration.linking;
