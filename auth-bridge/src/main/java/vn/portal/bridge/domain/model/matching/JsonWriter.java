package vn.portal.bridge.domain.model.matching;

/**
 * A minimal streaming JSON writer (RFC 8259) for evidence: objects, arrays, strings, numbers, booleans and
 * null, compact output. Commas are placed by tracking whether the current container already has a member.
 * Numbers are written with four decimals, the precision of the link table's score column.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder(2048);
    private boolean needsComma;

    JsonWriter beginObject() {
        separator();
        out.append('{');
        needsComma = false;
        return this;
    }

    JsonWriter endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    JsonWriter beginArray() {
        separator();
        out.append('[');
        needsComma = false;
        return this;
    }

    JsonWriter endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    /** Writes a member name; the value written next belongs to it. */
    JsonWriter name(String name) {
        separator();
        string(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    JsonWriter value(String value) {
        separator();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        needsComma = true;
        return this;
    }

    JsonWriter value(boolean value) {
        separator();
        out.append(value);
        needsComma = true;
        return this;
    }

    JsonWriter value(long value) {
        separator();
        out.append(value);
        needsComma = true;
        return this;
    }

    /** Finite numbers with four decimals, trailing zeros dropped; null (and NaN or infinities) as null. */
    JsonWriter value(Double value) {
        separator();
        if (value == null || !Double.isFinite(value)) {
            out.append("null");
        } else {
            appendDecimal(out, value);
        }
        needsComma = true;
        return this;
    }

    static String decimal(double value) {
        StringBuilder text = new StringBuilder(12);
        appendDecimal(text, value);
        return text.toString();
    }

    /**
     * Four decimals, half away from zero, without trailing zeros ("9.5507", "10", "-2"), written digit by digit
     * because evidence for a million decisions is rendered in one batch and BigDecimal would dominate it.
     */
    private static void appendDecimal(StringBuilder text, double value) {
        long scaled = Math.round(Math.abs(value) * 10_000.0);
        if (scaled == 0) {
            text.append('0');
            return;
        }
        if (value < 0) {
            text.append('-');
        }
        text.append(scaled / 10_000);
        int fraction = (int) (scaled % 10_000);
        if (fraction != 0) {
            int digits = 4;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            text.append('.');
            for (int pad = digits - 1, limit = 10; pad > 0; pad--, limit *= 10) {
                if (fraction < limit) {
                    text.append('0');
                }
            }
            text.append(fraction);
        }
    }

    private void separator() {
        if (needsComma) {
            out.append(',');
        }
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
