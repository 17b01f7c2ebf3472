package vn.portal.web.interfaces.review;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.portal.bridge.application.imports.BackgroundImports;
import vn.portal.bridge.application.imports.ImportKind;
import vn.portal.bridge.application.imports.ImportRun;
import vn.portal.bridge.application.imports.ImportRunId;
import vn.portal.bridge.application.imports.InvalidImportRunIdException;
import vn.portal.bridge.application.imports.RowError;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.web.interfaces.common.Flash;

/**
 * {@code /admin/import}: the upload form, the recent imports and, with {@code ?job=<id>}, the status of one import
 * (refreshed every {@link #REFRESH_SECONDS} seconds while it runs). Everything shown is read from the database, so any
 * node of the cluster shows the same. An id that is malformed or names no import answers 404.
 */
@Named
@RequestScoped
public class ImportView {

    static final String JOB = "job";
    static final int RECENT = 20;
    static final int REFRESH_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(ImportView.class.getName());
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    @Inject
    HttpServletRequest request;

    @Inject
    BackgroundImports imports;

    private ImportRun run;
    private List<ImportRun> recent;
    private Flash flash;
    private boolean flashRead;

    /** The view action: finds the import the address names before anything renders. */
    public void load() {
        String job = request.getParameter(JOB);
        if (job == null) {
            return;
        }
        Optional<ImportRun> found;
        try {
            found = imports.find(ImportRunId.of(job));
        } catch (InvalidImportRunIdException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            LOG.fine(() -> "no import for status page address " + request.getQueryString());
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        run = found.get();
    }

    /** The import the address names; null on the plain page or when it names none. */
    public ImportRun getRun() {
        return run;
    }

    /** Whether the address named an import that does not exist (the page says so, with status 404). */
    public boolean isUnknownJob() {
        return request.getParameter(JOB) != null && run == null;
    }

    /** Seconds between refreshes of the status page while the import runs; 0 when the page need not refresh. */
    public int getRefreshSeconds() {
        return run != null && run.isRunning() ? REFRESH_SECONDS : 0;
    }

    /** Why a row of the import was rejected, in the page's language. */
    public String reason(RowError error) {
        return ImportTexts.reason(error, messages());
    }

    /**
     * The encoding of the import in the page's language: the one used and whether detected (with the confidence) or
     * chosen at upload once finished; the choice at upload as stored while it runs.
     */
    public String getEncoding() {
        return ImportTexts.encoding(run.encoding(), messages()).orElse(run.encoding());
    }

    private static ResourceBundle messages() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }

    /** The latest imports, newest first. */
    public List<ImportRun> getRecent() {
        if (recent == null) {
            recent = imports.recent(RECENT);
        }
        return recent;
    }

    /** The status page of {@code shown}, relative to the context root. */
    public String statusPage(ImportRun shown) {
        return ImportUploadServlet.statusPage(shown.id());
    }

    /** The kinds of file, by label (agencies, services, population, accounts), with the header each needs. */
    public List<ImportKind> getKinds() {
        return Arrays.asList(ImportKind.values());
    }

    public List<String> getEncodings() {
        return ImportUploadServlet.ENCODINGS;
    }

    /** An instant as people in Vietnam read it, e.g. "20/05/2024 10:00:00"; "" for none. */
    public String time(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant.atZone(VIETNAM));
    }

    /** Who started an import: a personal ID masked as everywhere else on the portal, any other actor as it is. */
    public String actor(String startedBy) {
        return PersonalId.looksLikePersonalId(startedBy) ? PersonalId.parse(startedBy).masked() : startedBy;
    }

    public Flash getFlash() {
        if (!flashRead) {
            flash = Flash.take(request);
            flashRead = true;
        }
        return flash;
    }
}
