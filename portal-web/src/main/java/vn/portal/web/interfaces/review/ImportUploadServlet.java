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
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import vn.portal.bridge.application.imports.EncodingChoice;
import vn.portal.bridge.application.imports.ImportFileException;
import vn.portal.bridge.application.imports.ImportKind;
import vn.portal.bridge.application.imports.ImportProgress;
import vn.portal.bridge.application.imports.ImportSource;
import vn.portal.bridge.application.imports.ImportSummary;
import vn.portal.bridge.application.imports.LegacyDataImporter;
import vn.portal.web.interfaces.common.CsrfGuard;
import vn.portal.web.interfaces.common.Flash;
import vn.portal.web.security.session.SignedInUser;

/**
 * {@code POST /admin/import/upload} (multipart: {@code csrf}, {@code kind}, {@code encoding}, {@code file}): imports
 * an agency's CSV with the migration tool's importers. The upload is spooled to a temporary file and streamed from
 * there, so a large file never sits in the heap; the temporary file is deleted afterwards.
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

    @Inject
    transient CsrfGuard csrf;

    @Inject
    transient LegacyDataImporter importer;

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
        if (kind == null || !ENCODINGS.contains(encodingName)) {
            Flash.error("import.invalid").put(request);
        } else if (file == null || file.getSize() == 0) {
            Flash.error("import.nofile").put(request);
        } else {
            upload(request, user, kind, EncodingChoice.parse(encodingName), file);
        }
        response.sendRedirect(request.getContextPath() + "/admin/import");
    }

    private void upload(HttpServletRequest request, SignedInUser user, ImportKind kind, EncodingChoice encoding, Part file)
            throws IOException {
        String name = fileName(file.getSubmittedFileName(), kind);
        Path spooled = Files.createTempFile("portal-import-", ".csv");
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            }
            ImportSummary summary = importer.importFile(kind, named(name, spooled), encoding, ImportProgress.NONE, user.personalId());
            ImportReport.of(summary).put(request);
            (summary.hasRejections() ? Flash.error("import.donewitherrors", name, String.valueOf(summary.rejected()))
                    : Flash.success("import.done", name)).put(request);
        } catch (ImportFileException e) {
            Flash.error("import.failed", name, e.getMessage()).put(request);
        } finally {
            try {
                file.delete();
                Files.deleteIfExists(spooled);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not delete the spooled upload {0}: {1}", new Object[] {spooled, e.getMessage()});
            }
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
        response.sendRedirect(request.getContextPath() + "/admin/import");
    }
}
