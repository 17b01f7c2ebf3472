/**
 * Portal sessions recorded in the database, so that a logout received by any node of a cluster (for
 * example an OpenID back-channel logout) ends the sessions held by every node.
 */
package vn.portal.bridge.domain.model.session;
