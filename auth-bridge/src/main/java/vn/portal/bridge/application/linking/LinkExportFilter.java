package vn.portal.bridge.application.linking;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.link.LinkState;

/**
 * Which current links the export writes.
 *
 * @param agencyCode one agency, or null for all
 * @param states     ACTIVE and/or DISPUTED (the current states; revoked links are history, not exported)
 * @param methods    the methods to include
 */
public record LinkExportFilter(String agencyCode, Set<LinkState> states, Set<LinkMethod> methods) {

    public LinkExportFilter {
        if (agencyCode != null && agencyCode.isBlank()) {
            throw new IllegalArgumentException("agency code must be null (every agency) or not blank");
        }
        if (states.isEmpty() || methods.isEmpty()) {
            throw new IllegalArgumentException("an export with no state or no method would always be empty");
        }
        if (states.contains(LinkState.REVOKED)) {
            throw new IllegalArgumentException("revoked links are history and are not exported");
        }
        states = Set.copyOf(states);
        methods = Set.copyOf(methods);
    }

    /** Every current link (ACTIVE and DISPUTED) of every agency. */
    public static LinkExportFilter everything() {
        return new LinkExportFilter(null, EnumSet.of(LinkState.ACTIVE, LinkState.DISPUTED), EnumSet.allOf(LinkMethod.class));
    }

    public LinkExportFilter agency(String code) {
        return new LinkExportFilter(code, states, methods);
    }

    public LinkExportFilter states(Set<LinkState> value) {
        return new LinkExportFilter(agencyCode, value, methods);
    }

    public LinkExportFilter methods(Set<LinkMethod> value) {
        return new LinkExportFilter(agencyCode, states, value);
    }

    public Optional<String> agency() {
        return Optional.ofNullable(agencyCode);
    }
}
