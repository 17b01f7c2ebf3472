package vn.portal.bridge.domain.model.identity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Thrown when facts asserted about a citizen (birth date, gender) contradict what their personal ID
 * encodes. A provider that sends such claims is either misconfigured or not telling the truth, so the
 * sign-in is refused rather than trusting either side.
 */
public final class IdentityInconsistencyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which asserted fact disagreed with the personal ID. */
    public enum Field {
        BIRTH_YEAR,
        GENDER
    }

    private final Set<Field> fields;

    IdentityInconsistencyException(Set<Field> fields, String message) {
        super(message);
        this.fields = Collections.unmodifiableSet(EnumSet.copyOf(fields));
    }

    /** The disagreeing fields; never empty. */
    public Set<Field> fields() {
        return fields;
    }
}
