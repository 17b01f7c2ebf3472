/**
 * Accounts of the agencies' old systems as imported from their files: the raw values exactly as sent, their
 * normalised forms (name key, classified id number, national phone form), a content fingerprint that makes
 * re-imports idempotent, and the repository the importers and the linking engine use in bulk.
 */
package vn.portal.bridge.domain.model.legacy;
