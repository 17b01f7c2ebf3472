package vn.portal.bridge.application.imports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.InvalidGenderException;

/**
 * Parsers for the field formats of DESIGN.md §5. Each failure is a {@link RowRejectedException} naming the
 * column and quoting the value, so the agency can find and fix it.
 */
final class Fields {

    /**
     * Agencies' systems ran on Vietnamese local time; a timestamp without an offset is read in this zone
     * (Vietnam has kept UTC+7 without daylight saving since 1975).
     */
    static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    // "d/M/uuuu" also reads the zero-padded dd/MM/yyyy: d and M accept one or two digits when parsing.
    private static final DateTimeFormatter SLASH_DATE = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SLASH_TIMESTAMP = DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_LOCAL_SPACE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss][.SSSSSS][.SSS]", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SLASH_PARTS = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final int EARLIEST_BIRTH_YEAR = 1880;
    static final String DATE_FORMATS = "yyyy-MM-dd, dd/MM/yyyy, d/M/yyyy";
    static final String TIMESTAMP_FORMATS = "ISO-8601 (2019-03-04T08:15:00+07:00), dd/MM/yyyy HH:mm:ss";

    private Fields() {
    }

    /**
     * A date as {@code yyyy-MM-dd}, {@code dd/MM/yyyy} or {@code d/M/yyyy}; null for a blank value.
     * Slashed dates are day first (Vietnamese usage); a month above 12 with a day of at most 12 is reported
     * as a probable month/day swap instead of being silently reinterpreted.
     */
    static LocalDate date(String column, String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.indexOf('/') >= 0) {
                return LocalDate.parse(value, SLASH_DATE);
            }
            return LocalDate.parse(value, ISO_DATE);
        } catch (DateTimeParseException e) {
            Matcher parts = SLASH_PARTS.matcher(value);
            if (parts.matches()) {
                int day = Integer.parseInt(parts.group(1));
                int month = Integer.parseInt(parts.group(2));
                if (month > 12 && day <= 12) {
                    throw new RowRejectedException(column, RowErrorCode.DATE_MONTH_FIRST, "'" + value + "' has month " + month
                            + "; dates with slashes are day/month/year, this one looks like month/day/year",
                            value, Integer.toString(month));
                }
            }
            throw new RowRejectedException(column, RowErrorCode.BAD_DATE,
                    "'" + value + "' is not a date in yyyy-MM-dd, dd/MM/yyyy or d/M/yyyy form, or no such day exists", value, DATE_FORMATS);
        }
    }

    /** As {@link #date}, for a birth date: also refuses dates before 1880 and after {@code today}. */
    static LocalDate birthDate(String column, String value, LocalDate today) {
        LocalDate date = date(column, value);
        if (date != null && (date.getYear() < EARLIEST_BIRTH_YEAR || date.isAfter(today))) {
            throw new RowRejectedException(column, RowErrorCode.IMPLAUSIBLE_BIRTH_DATE, "'" + value + "' is not a plausible birth date", value);
        }
        return date;
    }

    /**
     * A timestamp: ISO-8601 with an offset ({@code 2019-03-04T08:15:00Z}, {@code ...+07:00}), ISO-8601 local
     * time ({@code 2019-03-04T08:15:00}, also with a space instead of T), or {@code dd/MM/yyyy HH:mm:ss};
     * local times are Vietnamese time. Null for a blank value.
     */
    static Instant timestamp(String column, String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.indexOf('/') >= 0) {
                return LocalDateTime.parse(value, SLASH_TIMESTAMP).atZone(AGENCY_ZONE).toInstant();
            }
            if (value.indexOf('T') < 0 && value.indexOf('t') < 0) {
                return LocalDateTime.parse(value, ISO_LOCAL_SPACE).atZone(AGENCY_ZONE).toInstant();
            }
            String upper = value.toUpperCase(Locale.ROOT);
            if (upper.endsWith("Z") || hasOffset(upper)) {
                return OffsetDateTime.parse(upper).toInstant();
            }
            return LocalDateTime.parse(upper).atZone(AGENCY_ZONE).toInstant();
        } catch (DateTimeException e) {
            throw new RowRejectedException(column, RowErrorCode.BAD_TIMESTAMP, "'" + value
                    + "' is not a timestamp in ISO-8601 (2019-03-04T08:15:00+07:00) or dd/MM/yyyy HH:mm:ss form", value, TIMESTAMP_FORMATS);
        }
    }

    private static boolean hasOffset(String value) {
        int t = value.indexOf('T');
        return value.indexOf('+', t) > 0 || value.indexOf('-', t) > 0;
    }

    /** Gender as {@link Gender#parse} reads it; null for a blank value. */
    static Gender gender(String column, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Gender.parse(value);
        } catch (InvalidGenderException e) {
            throw new RowRejectedException(column, RowErrorCode.BAD_GENDER, e.getMessage(), value);
        }
    }

    /** true/false, 1/0, yes/no, có/không, x/blank-free spellings; a blank value is false. */
    static boolean flag(String column, String value) {
        if (value == null) {
            return false;
        }
        return switch (java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "có", "co" -> true;
            case "false", "0", "no", "n", "không", "khong" -> false;
            default -> throw new RowRejectedException(column, RowErrorCode.BAD_FLAG, "'" + value + "' is not true/false (also 1/0, yes/no, có/không)", value);
        };
    }

    static String required(String column, String value) {
        if (value == null) {
            throw new RowRejectedException(column, RowErrorCode.EMPTY, "is empty");
        }
        return value;
    }

    static String code(String column, String value, int max) {
        String code = required(column, value);
        if (code.length() > max) {
            throw new RowRejectedException(column, RowErrorCode.CODE_TOO_LONG, "'" + code + "' is longer than " + max + " characters",
                    code, Integer.toString(max));
        }
        for (int i = 0; i < code.length(); i++) {
            if (Character.isWhitespace(code.charAt(i))) {
                throw new RowRejectedException(column, RowErrorCode.CODE_HAS_SPACE,
                        "'" + code + "' contains a space; codes are one word like BTP or UBND-HN", code);
            }
        }
        return code;
    }
}
