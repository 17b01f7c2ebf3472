package vn.portal.bridge.domain.model.legacy;

import java.util.Optional;

/**
 * Which legacy accounts a bulk read covers: optionally one agency, a range of database ids (the unit of
 * partitioning for the linking job and its checkpoint), and optionally only the accounts still waiting for
 * a decision: no unlinkable verdict and no link or review item at all. A revoked link or a rejected review
 * item counts as a decision, so a re-run of the engine never redoes what a person undid.
 *
 * @param agencyCode    one agency, or null for all
 * @param fromIdInclusive lowest id, 0 for no lower bound
 * @param toIdInclusive highest id, {@link Long#MAX_VALUE} for no upper bound
 * @param undecidedOnly only accounts nobody (engine or person) has decided yet
 */
public record AccountSelection(String agencyCode, long fromIdInclusive, long toIdInclusive, boolean undecidedOnly) {

    public AccountSelection {
        if (agencyCode != null && agencyCode.isBlank()) {
            throw new IllegalArgumentException("agency code must be null (all agencies) or not blank");
        }
        if (fromIdInclusive < 0 || toIdInclusive < fromIdInclusive) {
            throw new IllegalArgumentException("id range " + fromIdInclusive + ".." + toIdInclusive + " is empty or negative");
        }
    }

    /** Every account of every agency. */
    public static AccountSelection all() {
        return new AccountSelection(null, 0, Long.MAX_VALUE, false);
    }

    /** Every account of one agency. */
    public static AccountSelection agency(String agencyCode) {
        return new AccountSelection(agencyCode, 0, Long.MAX_VALUE, false);
    }

    /** The same selection restricted to accounts still waiting for a linking decision. */
    public AccountSelection undecided() {
        return new AccountSelection(agencyCode, fromIdInclusive, toIdInclusive, true);
    }

    /** The same selection restricted to ids in {@code from..to}. */
    public AccountSelection ids(long from, long to) {
        return new AccountSelection(agencyCode, from, to, undecidedOnly);
    }

    public Optional<String> agency() {
        return Optional.ofNullable(agencyCode);
    }
}
