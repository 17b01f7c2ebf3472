package vn.portal.web.interfaces.review;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import vn.portal.bridge.application.imports.EncodingStatement;
import vn.portal.bridge.application.imports.RowError;
import vn.portal.bridge.application.imports.RowErrorCode;

/**
 * Words an import's row errors and encoding in the page's language from the message bundle
 * ({@code import.reason.<CODE>}, {@code import.run.encoding.detected|forced}). The importer's English text is the
 * fallback, for errors stored before codes existed and for a code a newer node stored that this one does not word.
 */
final class ImportTexts {

    static final String REASON = "import.reason.";
    /** Bytes could not be decoded has the offset; a broken CSV structure has none and its own wording. */
    static final String UNREADABLE_CSV = REASON + RowErrorCode.UNREADABLE_REST + ".csv";
    static final String DETECTED = "import.run.encoding.detected";
    static final String FORCED = "import.run.encoding.forced";

    private ImportTexts() {
    }

    /** Why {@code error}'s row was rejected, in the language of {@code bundle}. */
    static String reason(RowError error, ResourceBundle bundle) {
        RowErrorCode code = error.code();
        if (code == null) {
            return error.reason();
        }
        String key = code == RowErrorCode.UNREADABLE_REST && error.arguments().get(1).isEmpty() ? UNREADABLE_CSV : REASON + code;
        if (!bundle.containsKey(key)) {
            return error.reason();
        }
        return format(bundle, key, error.arguments().toArray());
    }

    /**
     * The encoding a finished import used, e.g. "TCVN3 (ABC), tự nhận biết (độ tin cậy 0,97)"; empty when the stored
     * value is not a statement (a running import's choice, which the page shows as it is).
     */
    static Optional<String> encoding(String stored, ResourceBundle bundle) {
        return EncodingStatement.parse(stored).map(statement -> statement.confidence()
                .map(confidence -> format(bundle, DETECTED, statement.encoding().displayName(), decimal(confidence, bundle.getLocale())))
                .orElseGet(() -> format(bundle, FORCED, statement.encoding().displayName())));
    }

    private static String format(ResourceBundle bundle, String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(arguments);
    }

    // Formatted here, not by the pattern: every argument of the bundle's patterns is text.
    private static String decimal(double value, Locale locale) {
        return new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(locale)).format(value);
    }
}
