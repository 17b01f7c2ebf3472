/**
 * Persistence the linking engine needs beyond the link and account repositories: which accounts a person
 * has already decided (revoked links, rejected review items), read with one query per chunk.
 */
package vn.portal.bridge.infrastructure.persistence.linking;
