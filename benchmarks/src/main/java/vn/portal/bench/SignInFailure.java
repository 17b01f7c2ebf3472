package vn.portal.bench;

/**
 * One sign-in did not complete. {@link #kind()} is the counting key ("CALLBACK HTTP 401 ID_TOKEN_EXPIRED",
 * "DECISION timeout"); the message adds the detail for the few examples printed.
 */
final class SignInFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String kind;

    SignInFailure(SignInStep step, String what, String detail) {
        super(step.label + ": " + what + (detail == null || detail.isBlank() ? "" : " — " + detail));
        this.kind = step.name() + " " + what;
    }

    SignInFailure(SignInStep step, String what, Throwable cause) {
        super(step.label + ": " + what + " — " + cause, cause);
        this.kind = step.name() + " " + what;
    }

    String kind() {
        return kind;
    }
}
