package vn.portal.bridge.domain.model.encoding;

/** An encoding name that {@link LegacyEncoding#parse(String)} does not know. */
public final class UnknownEncodingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String name;

    UnknownEncodingException(String name) {
        super(name == null
                ? "Encoding name is missing; expected one of utf-8, cp1258, tcvn3, vni"
                : "Unknown encoding '" + name + "'; expected one of utf-8, cp1258, tcvn3, vni"
                        + ("auto".equalsIgnoreCase(name.strip()) ? " (resolve 'auto' with EncodingDetector first)" : ""));
        this.name = name;
    }

    /** The name as given, possibly {@code null}. */
    public String name() {
        return name;
    }
}
