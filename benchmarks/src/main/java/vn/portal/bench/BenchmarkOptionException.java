package vn.portal.bench;

/** A command-line option is missing, malformed or out of range; the message names the option. */
public final class BenchmarkOptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BenchmarkOptionException(String option, String problem) {
        super(option + ": " + problem);
    }
}
