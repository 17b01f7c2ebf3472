package vn.portal.web.interfaces.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.Part;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.application.imports.BackgroundImports;
import vn.portal.bridge.application.imports.ImportKind;
import vn.portal.bridge.application.imports.ImportRun;
import vn.portal.bridge.application.imports.ImportRunId;
import vn.portal.bridge.application.imports.ImportRunState;
import vn.portal.bridge.application.imports.LegacyDataImporter;
import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;
import vn.portal.bridge.infrastructure.persistence.jpa.JdbcImportRunRepository;
import vn.portal.web.infrastructure.PortalAudit;
import vn.portal.web.interfaces.common.CsrfGuard;
import vn.portal.web.interfaces.common.Flash;
import vn.portal.web.security.session.SignedInUser;

/**
 * The upload servlet on a real H2 database with the real background imports: the request is answered before the file
 * is imported, with a redirect to the import's status page, and the import runs on the executor it was given. The
 * request, part and executor are JDK proxies, so no container is needed.
 */
class ImportUploadServletTest {

    private static final String TOKEN = "csrf-token-of-the-session";
    private static final String ACCOUNTS = ImportKind.ACCOUNTS.headerLine() + "\r\n"
            + "BTP,TP-UP-1,vinhnq,Ngô Quang Vinh,19/08/1980,Nam,040080009876,0868123456,,,,,ACTIVE\r\n"
            + "BTP,TP-UP-2,lan.bui,Bùi Thị Lan,31/02/1988,Nữ,,,,,,,ACTIVE\r\n";

    private PortalDatabase database;
    private BackgroundImports imports;
    private ImportUploadServlet servlet;
    /** Tasks handed to the executor and not yet run. */
    private final List<Runnable> queued = new ArrayList<>();
    private boolean executorRefuses;

    @BeforeEach
    void deploy() {
        database = PortalDatabase.open(DatabaseSettings.inMemory("upload-" + UUID.randomUUID()), true);
        BridgeServices services = new BridgeServices(database.entityManagerFactory(), Clock.systemUTC());
        imports = new BackgroundImports(new JdbcImportRunRepository(database.entityManagerFactory()),
                new LegacyDataImporter(database.entityManagerFactory(), services, Clock.systemUTC()), services.auditLog(),
                Clock.systemUTC(), "test-node", BackgroundImports.DEFAULT_STALE_AFTER);
        servlet = new ImportUploadServlet();
        servlet.csrf = new CsrfGuard(new PortalAudit(services.auditLog()));
        servlet.imports = imports;
        servlet.executor = proxy(ManagedExecutorService.class, (method, args) -> {
            if (!method.equals("execute")) {
                throw new UnsupportedOperationException(method);
            }
            if (executorRefuses) {
                throw new RejectedExecutionException("the executor is shutting down");
            }
            queued.add((Runnable) args[0]);
            return null;
        });
    }

    @AfterEach
    void undeploy() {
        database.close();
    }

    @Test
    void keepsOnlyTheUploadedFilesOwnName() {
        assertThat(ImportUploadServlet.fileName("C:\\Users\\cán bộ\\accounts-BHXH.csv", ImportKind.ACCOUNTS)).isEqualTo("accounts-BHXH.csv");
        assertThat(ImportUploadServlet.fileName("../../etc/dân-cư.csv", ImportKind.POPULATION)).isEqualTo("dân-cư.csv");
        assertThat(ImportUploadServlet.fileName("a\u0000b\r\n.csv", ImportKind.AGENCIES)).isEqualTo("ab.csv");
        assertThat(ImportUploadServlet.fileName(null, ImportKind.SERVICES)).isEqualTo("services.csv");
        assertThat(ImportUploadServlet.fileName("x".repeat(300), ImportKind.SERVICES)).hasSize(200);
    }

    @Test
    void answersAtOnceWithTheStatusPageAndImportsOnTheExecutor() throws Exception {
        Upload upload = new Upload("accounts-BTP-tải-lên.csv", ACCOUNTS);
        Set<Path> before = spooledFiles();

        servlet.doPost(upload.request(), upload.response());

        ImportRunId id = upload.redirectedJob();
        assertThat(upload.flash()).isEqualTo(Flash.success("import.started", "accounts-BTP-tải-lên.csv"));
        assertThat(upload.partDeleted).as("the container's copy of the upload is deleted").isTrue();
        assertThat(imports.find(id)).hasValueSatisfying(run -> {
            assertThat(run.state()).as("nothing imported during the request").isEqualTo(ImportRunState.RUNNING);
            assertThat(run.startedBy()).isEqualTo("001190000021");
            assertThat(run.fileName()).isEqualTo("accounts-BTP-tải-lên.csv");
        });
        assertThat(queued).hasSize(1);
        Set<Path> spooledNow = new java.util.HashSet<>(spooledFiles());
        spooledNow.removeAll(before);
        assertThat(spooledNow).as("the upload spooled to one temporary file").hasSize(1);
        Path spooled = spooledNow.iterator().next();

        queued.remove(0).run();

        ImportRun finished = imports.find(id).orElseThrow();
        assertThat(finished.state()).isEqualTo(ImportRunState.FINISHED);
        assertThat(finished.counts()).isEqualTo(new ImportRun.Counts(1, 0, 0, 1));
        assertThat(finished.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("accounts-BTP-tải-lên.csv");
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.column()).isEqualTo("birth_date");
        });
        assertThat(spooled).as("the spooled upload is deleted once imported").doesNotExist();
    }

    @Test
    void aSecondUploadOfTheRunningFileIsRefusedAndLeadsToTheRunningImport() throws Exception {
        Upload first = new Upload("accounts-BTP.csv", ACCOUNTS);
        servlet.doPost(first.request(), first.response());
        Upload second = new Upload("accounts-BTP.csv", ACCOUNTS);

        servlet.doPost(second.request(), second.response());

        assertThat(second.redirectedJob()).isEqualTo(first.redirectedJob());
        assertThat(second.flash()).isEqualTo(Flash.error("import.alreadyrunning", "accounts-BTP.csv"));
        assertThat(second.partDeleted).isTrue();
        assertThat(queued).as("only the first upload was handed to the executor").hasSize(1);
    }

    @Test
    void anUploadTheExecutorRefusesEndsAsFailedAtOnce() throws Exception {
        executorRefuses = true;
        Upload upload = new Upload("accounts-BTP.csv", ACCOUNTS);
        Set<Path> before = spooledFiles();

        servlet.doPost(upload.request(), upload.response());

        ImportRun failed = imports.find(upload.redirectedJob()).orElseThrow();
        assertThat(failed.state()).isEqualTo(ImportRunState.FAILED);
        assertThat(failed.failure()).isEqualTo("not started: RejectedExecutionException: the executor is shutting down");
        assertThat(upload.flash()).isEqualTo(Flash.error("import.notstarted", "accounts-BTP.csv"));
        assertThat(spooledFiles()).as("no spooled file left behind").isSubsetOf(before);
    }

    @Test
    void aCitizenCannotUpload() throws Exception {
        Upload upload = new Upload("accounts-BTP.csv", ACCOUNTS).by(citizen());

        servlet.doPost(upload.request(), upload.response());

        assertThat(upload.errorStatus).isEqualTo(403);
        assertThat(imports.recent(20)).isEmpty();
        assertThat(queued).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** The spooled uploads in the temporary directory (other builds may have their own there). */
    private static Set<Path> spooledFiles() throws IOException {
        try (var listing = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return listing.filter(p -> p.getFileName().toString().startsWith("portal-import-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private static SignedInUser administrator() {
        return new SignedInUser("session-admin", 1, "001190000021", "0011******21", "Lê Thị Hoa", LocalDate.of(1990, 7, 21),
                Gender.FEMALE, AssuranceLevel.LEVEL_2, Set.of(SignedInUser.ROLE_ADMINISTRATOR), "sub-admin", "sid-admin",
                "id-token-admin", TOKEN, Instant.parse("2026-11-28T03:00:00Z"));
    }

    private static SignedInUser citizen() {
        return new SignedInUser("session-citizen", 1, "001085012345", "0010******45", "Nguyễn Văn An", LocalDate.of(1985, 3, 12),
                Gender.MALE, AssuranceLevel.LEVEL_2, Set.of(), "sub-citizen", "sid-citizen", "id-token-citizen", TOKEN,
                Instant.parse("2026-11-28T03:00:00Z"));
    }

    /** One multipart POST of a CSV file as the upload form sends it, and what the servlet answered. */
    private static final class Upload {
        private final String fileName;
        private final byte[] content;
        private final Map<String, Object> session = new HashMap<>();
        private String redirect;
        private int errorStatus;
        private boolean partDeleted;

        Upload(String fileName, String content) {
            this.fileName = fileName;
            this.content = content.getBytes(StandardCharsets.UTF_8);
            session.put(SignedInUser.SESSION_ATTRIBUTE, administrator());
        }

        Upload by(SignedInUser user) {
            session.put(SignedInUser.SESSION_ATTRIBUTE, user);
            return this;
        }

        HttpServletRequest request() {
            HttpSession httpSession = proxy(HttpSession.class, (method, args) -> switch (method) {
                case "getAttribute" -> session.get((String) args[0]);
                case "setAttribute" -> session.put((String) args[0], args[1]);
                case "removeAttribute" -> session.remove((String) args[0]);
                default -> throw new UnsupportedOperationException(method);
            });
            Part part = proxy(Part.class, (method, args) -> switch (method) {
                case "getSubmittedFileName" -> fileName;
                case "getSize" -> (long) content.length;
                case "getInputStream" -> new ByteArrayInputStream(content);
                case "delete" -> {
                    partDeleted = true;
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method);
            });
            Map<String, String> fields = Map.of("csrf", TOKEN, "kind", "accounts", "encoding", "auto");
            return proxy(HttpServletRequest.class, (method, args) -> switch (method) {
                case "getParameter" -> fields.get((String) args[0]);
                case "getPart" -> "file".equals(args[0]) ? part : null;
                case "getSession" -> httpSession;
                case "getContextPath" -> "";
                case "getServletPath" -> "/admin/import/upload";
                case "getHeader" -> null;
                default -> throw new UnsupportedOperationException(method);
            });
        }

        HttpServletResponse response() {
            return proxy(HttpServletResponse.class, (method, args) -> switch (method) {
                case "setHeader" -> null;
                case "sendRedirect" -> {
                    redirect = (String) args[0];
                    yield null;
                }
                case "sendError" -> {
                    errorStatus = (Integer) args[0];
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method);
            });
        }

        ImportRunId redirectedJob() {
            assertThat(redirect).as("redirect after the upload").startsWith("/admin/import?job=");
            return ImportRunId.of(redirect.substring("/admin/import?job=".length()));
        }

        Flash flash() {
            return (Flash) session.get(Flash.class.getName());
        }
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }
}
