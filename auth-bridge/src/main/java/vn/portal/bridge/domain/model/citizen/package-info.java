/**
 * The citizen identity aggregate: one row per person who has signed in through VNeID, keyed by personal
 * ID, with the facts the provider asserted at the latest sign-in; and its repository interface.
 */
package vn.portal.bridge.domain.model.citizen;
