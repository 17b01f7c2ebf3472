/** Staff grants: which citizens act as administrators or as officers of an agency, keyed by personal ID. */
package vn.portal.bridge.domain.model.staff;
