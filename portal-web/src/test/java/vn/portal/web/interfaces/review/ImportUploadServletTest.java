package vn.portal.web.interfaces.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.portal.bridge.application.imports.ImportKind;

class ImportUploadServletTest {

    @Test
    void keepsOnlyTheUploadedFilesOwnName() {
        assertThat(ImportUploadServlet.fileName("C:\\Users\\cán bộ\\accounts-BHXH.csv", ImportKind.ACCOUNTS)).isEqualTo("accounts-BHXH.csv");
        assertThat(ImportUploadServlet.fileName("../../etc/dân-cư.csv", ImportKind.POPULATION)).isEqualTo("dân-cư.csv");
        assertThat(ImportUploadServlet.fileName("a\u0000b\r\n.csv", ImportKind.AGENCIES)).isEqualTo("ab.csv");
        assertThat(ImportUploadServlet.fileName(null, ImportKind.SERVICES)).isEqualTo("services.csv");
        assertThat(ImportUploadServlet.fileName("x".repeat(300), ImportKind.SERVICES)).hasSize(200);
    }
}
