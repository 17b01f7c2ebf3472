package vn.portal.web.interfaces.review;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import vn.portal.bridge.application.imports.ImportKind;
import vn.portal.web.interfaces.common.Flash;

/** {@code /admin/import}: the upload form and the report of the last upload. */
@Named
@RequestScoped
public class ImportView {

    @Inject
    HttpServletRequest request;

    private Flash flash;
    private boolean flashRead;

    /** The kinds of file, by label (agencies, services, population, accounts), with the header each needs. */
    public List<ImportKind> getKinds() {
        return Arrays.asList(ImportKind.values());
    }

    public List<String> getEncodings() {
        return ImportUploadServlet.ENCODINGS;
    }

    public ImportReport getReport() {
        return ImportReport.last(request);
    }

    public Flash getFlash() {
        if (!flashRead) {
            flash = Flash.take(request);
            flashRead = true;
        }
        return flash;
    }
}
