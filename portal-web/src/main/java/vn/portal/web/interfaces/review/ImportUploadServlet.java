package vn.portal.web.interfaces.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import vn.portal.bridge.application.imports.BackgroundImports;
import vn.portal.bridge.application.imports.EncodingChoice;
import vn.portal.bridge.application.imports.ImportAlreadyRunningException;
import vn.portal.bridge.application.imports.ImportKind;
import vn.portal.bridge.application.imports.ImportRun;
import vn.portal.bridge.application.imports.ImportRunId;
import vn.portal.bridge.application.imports.ImportSource;
import vn.portal.web.interfaces.common.CsrfGuard;
import vn.portal.web.interfaces.common.Flash;
import vn.portal.web.security.session.SignedInUser;

/**
 * {@code POST /admin/import/upload} (multipart: {@code csrf}, {@code kind}, {@code encoding}, {@code file}): imports
 * an agency's CSV with the migration tool's importers, in the background. The upload is spooled to a temporary file
 * (a large file never sits in the heap), the import is recorded ({@link BackgroundImports#start}, which refuses a
 * second import of the same file while one runs) and handed to the container's managed executor (Jakarta Concurrency
 * 3.0, section 3.1: application code must not create its own threads), and the answer is at once a redirect to the
 * import's status page, {@code /admin/import?job=<id>} (POST-redirect-GET). The worker deletes the spooled file when
 * the import has ended.
 */
@WebServlet(urlPatterns = "/admin/import/upload")
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = ImportUploadServlet.MAX_FILE_BYTES,
        maxRequestSize = ImportUploadServlet.MAX_FILE_BYTES + 64 * 1024)
public class ImportUploadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ImportUploadServlet.class.getName());
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024 * 1024;
    static final List<String> ENCODINGS = List.of("auto", "utf-8", "cp1258", "tcvn3", "vni");
    private static final int MAX_NAME = 200;
    static final String PAGE = "/admin/import";

    @Inject
    transient CsrfGuard csrf;

    @Inject
    transient BackgroundImports imports;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    transient ManagedExecutorService executor;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        Optional<SignedInUser> verified = csrf.verifiedAdministrator(request, response);
        if (verified.isEmpty()) {
            return;
        }
        SignedInUser user = verified.get();
        ImportKind kind = kind(request.getParameter("kind"));
        String encodingName = request.getParameter("encoding") == null ? "auto" : request.getParameter("encoding");
        Part file = request.getPart("file");
        String next = PAGE;
        if (kind == null || !ENCODINGS.contains(encodingName)) {
            Flash.error("import.invalid").put(request);
        } else if (file == null || file.getSize() == 0) {
            Flash.error("import.nofile").put(request);
        } else {
            next = statusPage(upload(request, user, kind, EncodingChoice.parse(encodingName), file));
        }
        response.sendRedirect(request.getContextPath() + next);
    }

    /** The address of one import's status page, relative to the context root. */
    static String statusPage(ImportRunId id) {
        return PAGE + "?" + ImportView.JOB + "=" + id.value();
    }

    /** Starts the import of {@code file} and returns the id of the import the administrator is to watch. */
    private ImportRunId upload(HttpServletRequest request, SignedInUser user, ImportKind kind, EncodingChoice encoding, Part file)
            throws IOException {
        String name = fileName(file.getSubmittedFileName(), kind);
        ImportRun run;
        try {
            run = imports.start(kind, name, encoding, user.personalId());
        } catch (ImportAlreadyRunningException e) {
            // Nothing is spooled: the running import's page is where the administrator wants to be.
            deletePart(file);
            Flash.error("import.alreadyrunning", name).put(request);
            return e.running().id();
        }
        Path spooled = null;
        try {
            spooled = Files.createTempFile("portal-import-", ".csv");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            }
            Path toImport = spooled;
            executor.execute(() -> {
                try {
                    imports.run(run, named(name, toImport), encoding);
                } finally {
                    deleteQuietly(toImport);
                }
            });
        } catch (IOException | RejectedExecutionException e) {
            LOG.log(Level.WARNING, "Import " + run.id() + " of " + name + " could not be started", e);
            imports.notScheduled(run, e.getClass().getSimpleName() + ": " + e.getMessage());
            deleteQuietly(spooled);
            Flash.error("import.notstarted", name).put(request);
            return run.id();
        } finally {
            deletePart(file);
        }
        Flash.success("import.started", name).put(request);
        return run.id();
    }

    private static void deletePart(Part file) {
        try {
            file.delete();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete the container''s copy of an upload: {0}", e.getMessage());
        }
    }

    private static void deleteQuietly(Path spooled) {
        if (spooled == null) {
            return;
        }
        try {
            Files.deleteIfExists(spooled);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete the spooled upload {0}: {1}", new Object[] {spooled, e.getMessage()});
        }
    }

    private static ImportKind kind(String label) {
        for (ImportKind kind : ImportKind.values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        return null;
    }

    /** The uploaded file's own name (no client path), as the row errors and each account's source_file name it. */
    static String fileName(String submitted, ImportKind kind) {
        String name = submitted == null ? "" : submitted.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (name.isEmpty()) {
            name = kind.label().toLowerCase(Locale.ROOT) + ".csv";
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    private static ImportSource named(String name, Path file) {
        ImportSource onDisk = ImportSource.of(file);
        return new ImportSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() throws IOException {
                return onDisk.open();
            }

            @Override
            public OptionalLong size() {
                return onDisk.size();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + PAGE);
    }
}
