package vn.portal.sandbox;

/** A configuration value is missing or malformed; the message names the key so an operator can fix it. */
public class SandboxConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public SandboxConfigException(String key, String problem) {
        super(key + " " + problem);
        this.key = key;
    }

    public SandboxConfigException(String key, String problem, Throwable cause) {
        super(key + " " + problem, cause);
        this.key = key;
    }

    /** The configuration key in environment-variable form, e.g. {@code SANDBOX_PORT}. */
    public String key() {
        return key;
    }
}
