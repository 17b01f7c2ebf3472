package vn.portal.bridge.domain.model.legacy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;

/**
 * The id number column of a legacy account, classified. Agencies put whatever the citizen typed there: a
 * personal ID, an old CMND number, a passport number, or garbage. The raw text is kept because a typo'd
 * number is evidence a reviewer wants to see; the normalised form is what the linking engine compares.
 */
public final class LegacyIdNumber {

    /** Longest raw text kept (the column size); longer input is a paste accident, classified INVALID. */
    public static final int MAX_RAW_LENGTH = 64;

    private static final LegacyIdNumber MISSING = new LegacyIdNumber(null, IdNumberKind.MISSING, null);
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}.\\-/]+");
    // Vietnamese passports: one letter and seven digits (B/C/N/P...). Foreign passports vary, but ICAO 9303
    // limits the document number to nine characters; at least one letter tells them from a mistyped number.
    private static final Pattern PASSPORT = Pattern.compile("(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,9}");

    private final String raw;
    private final IdNumberKind kind;
    private final String normalised;

    private LegacyIdNumber(String raw, IdNumberKind kind, String normalised) {
        this.raw = raw;
        this.kind = kind;
        this.normalised = normalised;
    }

    /** Classifies {@code raw}; never throws. Null or blank input is {@link IdNumberKind#MISSING}. */
    public static LegacyIdNumber classify(String raw) {
        if (raw == null || raw.isBlank()) {
            return MISSING;
        }
        String kept = Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC);
        if (kept.length() > MAX_RAW_LENGTH) {
            return new LegacyIdNumber(kept.substring(0, MAX_RAW_LENGTH), IdNumberKind.INVALID, null);
        }
        if (PersonalId.looksLikePersonalId(kept)) {
            return new LegacyIdNumber(kept, IdNumberKind.PERSONAL_ID, PersonalId.parse(kept).value());
        }
        if (OldIdNumber.looksLikeOldIdNumber(kept)) {
            return new LegacyIdNumber(kept, IdNumberKind.OLD_ID_CARD, OldIdNumber.parse(kept).value());
        }
        String compact = SEPARATORS.matcher(kept).replaceAll("").toUpperCase(Locale.ROOT);
        if (PASSPORT.matcher(compact).matches()) {
            return new LegacyIdNumber(kept, IdNumberKind.PASSPORT, compact);
        }
        return new LegacyIdNumber(kept, IdNumberKind.INVALID, null);
    }

    /**
     * Rebuilds a classification read back from storage without classifying again.
     *
     * @throws IllegalArgumentException if the kind and the normalised value do not fit together
     */
    public static LegacyIdNumber restore(String raw, IdNumberKind kind, String normalised) {
        Objects.requireNonNull(kind, "kind");
        boolean needsValue = kind == IdNumberKind.PERSONAL_ID || kind == IdNumberKind.OLD_ID_CARD || kind == IdNumberKind.PASSPORT;
        if (needsValue != (normalised != null)) {
            throw new IllegalArgumentException("id number of kind " + kind + (needsValue ? " needs" : " must not have") + " a normalised value");
        }
        if (kind == IdNumberKind.MISSING) {
            return MISSING;
        }
        return new LegacyIdNumber(raw, kind, normalised);
    }

    /** The text as the agency sent it (trimmed, NFKC so full-width digits read as digits); empty when missing. */
    public Optional<String> raw() {
        return Optional.ofNullable(raw);
    }

    public IdNumberKind kind() {
        return kind;
    }

    /** Digits of a personal ID or old ID card, or the compact upper-case passport number; empty otherwise. */
    public Optional<String> normalised() {
        return Optional.ofNullable(normalised);
    }

    /** The personal ID when this is one. */
    public Optional<PersonalId> personalId() {
        return kind == IdNumberKind.PERSONAL_ID ? Optional.of(PersonalId.parse(normalised)) : Optional.empty();
    }

    /** The old ID card number when this is one. */
    public Optional<OldIdNumber> oldIdNumber() {
        return kind == IdNumberKind.OLD_ID_CARD ? Optional.of(OldIdNumber.parse(normalised)) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LegacyIdNumber that && that.kind == kind
                && Objects.equals(that.raw, raw) && Objects.equals(that.normalised, normalised);
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw, kind, normalised);
    }

    /** Masked like the value objects it may hold: an id number is personal data. */
    @Override
    public String toString() {
        return switch (kind) {
            case PERSONAL_ID -> "PERSONAL_ID " + PersonalId.parse(normalised).masked();
            case OLD_ID_CARD -> "OLD_ID_CARD " + OldIdNumber.parse(normalised).masked();
            case PASSPORT -> "PASSPORT " + normalised.charAt(0) + "*".repeat(normalised.length() - 1);
            case INVALID -> "INVALID (" + raw.length() + " characters)";
            case MISSING -> "MISSING";
        };
    }
}
