package vn.portal.bridge.application.imports;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of one background import: 128 random bits in base64url without padding (22 characters). The status page's
 * address carries it, so it must not be guessable from another import's id; only administrators may open it anyway.
 */
public final class ImportRunId {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final String value;

    private ImportRunId(String value) {
        this.value = value;
    }

    /** A new random id. */
    public static ImportRunId random() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return new ImportRunId(Base64.getUrlEncoder().withoutPadding().encodeToString(bits));
    }

    /**
     * Reads an id from a request parameter or a database column.
     *
     * @throws InvalidImportRunIdException if {@code value} is not 22 base64url characters
     */
    public static ImportRunId of(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidImportRunIdException(value);
        }
        return new ImportRunId(value);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImportRunId that && that.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
