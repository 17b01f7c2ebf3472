package vn.portal.bridge.domain.model.credential;

/** The self-describing prefixes of DESIGN.md §5, strongest first. */
public enum HashScheme {
    /** {@code {bcrypt}$2a$cost$salt+hash} (also $2b$ and $2y$, which differ only in historic bug fixes). */
    BCRYPT("bcrypt"),
    /** {@code {pbkdf2-sha256}iterations$salt_b64$hash_b64}: PBKDF2 with HMAC-SHA-256 (RFC 8018 §5.2). */
    PBKDF2_SHA256("pbkdf2-sha256"),
    /** {@code {sha1}salt$hex}: SHA-1 of the salt followed by the password. Weak; accepted only to migrate. */
    SHA1_SALTED("sha1"),
    /** {@code {md5}hex}: unsalted MD5 of the password. Weak; accepted only to migrate. */
    MD5("md5");

    private final String prefix;

    HashScheme(String prefix) {
        this.prefix = prefix;
    }

    /** The name between braces, e.g. {@code pbkdf2-sha256}. */
    public String prefix() {
        return prefix;
    }

    static HashScheme byPrefix(String name) {
        for (HashScheme scheme : values()) {
            if (scheme.prefix.equals(name)) {
                return scheme;
            }
        }
        throw new InvalidPasswordHashException("unknown hash scheme {" + name + "}; expected one of {bcrypt}, {pbkdf2-sha256}, {sha1}, {md5}");
    }
}
