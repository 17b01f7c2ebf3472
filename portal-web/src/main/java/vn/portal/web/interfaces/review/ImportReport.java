package vn.portal.web.interfaces.review;

import java.io.Serializable;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import vn.portal.bridge.application.imports.ImportSummary;
import vn.portal.bridge.application.imports.RowError;

/**
 * What the last upload of this session did, kept in the session for the page the upload redirects to. A
 * serializable copy of the importer's summary with at most {@link #MAX_SHOWN} row errors (the session is
 * replicated across the cluster and must stay small).
 */
public record ImportReport(String kind, String file, String encoding, long rows, long inserted, long updated, long unchanged,
        long rejected, List<Error> errors, long unlistedErrors) implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_SHOWN = 200;
    private static final String SESSION_ATTRIBUTE = ImportReport.class.getName();

    /** One rejected row: where and why. */
    public record Error(String file, long line, String column, String reason) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public ImportReport {
        errors = List.copyOf(errors);
    }

    static ImportReport of(ImportSummary summary) {
        List<Error> shown = summary.errors().stream().limit(MAX_SHOWN).map(ImportReport::error).toList();
        return new ImportReport(summary.kind().label(), summary.file(), summary.encodingStatement(), summary.rows(),
                summary.inserted(), summary.updated(), summary.unchanged(), summary.rejected(), shown,
                summary.rejected() - shown.size());
    }

    private static Error error(RowError error) {
        return new Error(error.file(), error.line(), error.column() == null ? "" : error.column(), error.reason());
    }

    void put(HttpServletRequest request) {
        request.getSession().setAttribute(SESSION_ATTRIBUTE, this);
    }

    /** The report of the last upload, kept until the next one so the page can be reloaded. */
    static ImportReport last(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof ImportReport report ? report : null;
    }
}
