package vn.portal.bridge.domain.model.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A minimal streaming JSON writer (RFC 8259) for evidence: objects, arrays, strings, numbers, booleans and
 * null, compact output. Commas are placed by tracking whether the current container already has a member.
 * Numbers are written with four decimals, the precision of the link table's score column.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder(512);
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
            out.append(decimal(value));
        }
        needsComma = true;
        return this;
    }

    /** Probabilities as small as one in a million keep their significant digits. */
    JsonWriter probability(double value) {
        separator();
        out.append(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
        needsComma = true;
        return this;
    }

    static String decimal(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
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
