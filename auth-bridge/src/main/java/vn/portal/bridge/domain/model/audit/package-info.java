/**
 * The append-only, hash-chained audit log: events, the single chain-head row that serialises appends
 * across JVMs, and the hashing rule that makes silent edits detectable.
 */
package vn.portal.bridge.domain.model.audit;
