package vn.portal.bridge.domain.model.legacy;

import java.util.Locale;

/** Status of an account in the agency's old system, as the agency reported it (DESIGN.md §5). */
public enum AccountStatus {
    ACTIVE,
    LOCKED,
    CLOSED;

    /**
     * Parses the file value, ignoring case and surrounding spaces.
     *
     * @throws InvalidLegacyAccountException naming the accepted values
     */
    public static AccountStatus parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidLegacyAccountException(InvalidLegacyAccountException.Field.STATUS,
                    "status is empty; expected ACTIVE, LOCKED or CLOSED");
        }
        return switch (raw.strip().toUpperCase(Locale.ROOT)) {
            case "ACTIVE" -> ACTIVE;
            case "LOCKED" -> LOCKED;
            case "CLOSED" -> CLOSED;
            default -> throw new InvalidLegacyAccountException(InvalidLegacyAccountException.Field.STATUS,
                    "status '" + raw.strip() + "' is not ACTIVE, LOCKED or CLOSED");
        };
    }
}
