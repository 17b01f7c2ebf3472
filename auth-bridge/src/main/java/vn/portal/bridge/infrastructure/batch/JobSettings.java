package vn.portal.bridge.infrastructure.batch;

/** Parses the job's text properties with defaults and precise messages. */
final class JobSettings {

    private JobSettings() {
    }

    /** The job's agency code, or null (every agency) when the property is missing or blank. */
    static String agency(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static long positiveLong(String value, String name, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 1) {
                throw new IllegalArgumentException("job property " + name + " must be at least 1 but is " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("job property " + name + " must be a whole number but is '" + value + "'", e);
        }
    }

    static long nonNegativeLong(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("partition property " + name + " is missing");
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 0) {
                throw new IllegalArgumentException("partition property " + name + " must not be negative but is " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("partition property " + name + " must be a whole number but is '" + value + "'", e);
        }
    }

    static boolean flag(String value, String name) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException("job property " + name + " must be true or false but is '" + value + "'");
    }
}
