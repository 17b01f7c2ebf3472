package vn.portal.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.portal.sandbox.SandboxConfig;
import vn.portal.sandbox.SandboxServer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The driver reads the picker that vneid-sandbox really serves (an in-process sandbox on a free loopback port). */
class PickerFormTest {

    private static final URI REDIRECT = URI.create("http://localhost:38080/callback");

    @TempDir
    static Path dataDir;

    private static SandboxServer sandbox;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.builder().port(0).dataDir(dataDir)
                .clientSecret("bench-test-client-secret-0001").redirectUris(List.of(REDIRECT)).build());
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.stop();
    }

    @Test
    void readsTransactionCsrfAndEveryCitizenOfThePicker() throws Exception {
        PickerForm form = PickerForm.parse(picker(null));

        assertThat(form.action()).isEqualTo("/authorize/decision");
        assertThat(form.transaction()).isNotBlank();
        assertThat(form.csrf()).isNotBlank().isNotEqualTo(form.transaction());
        assertThat(form.choices()).hasSize(sandbox.citizens().size())
                .contains(new PickerForm.Choice("Nguyễn Văn An", "001085012345"),
                        new PickerForm.Choice("Phạm Minh Đức", "031095004567"));
    }

    @Test
    void offersOnlyLevelTwoCitizensWhenLevelTwoIsRequired() throws Exception {
        PickerForm form = PickerForm.parse(picker("urn:vneid:loa:2"));

        assertThat(form.choices()).contains(new PickerForm.Choice("Nguyễn Văn An", "001085012345"))
                .doesNotContain(new PickerForm.Choice("Phạm Minh Đức", "031095004567"))
                .hasSizeLessThan(sandbox.citizens().size());
    }

    @Test
    void refusesAPageWithoutTheDecisionForm() {
        assertThatThrownBy(() -> PickerForm.parse("<html><body><p id=\"error\">Không thể tiếp tục</p></body></html>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decision form");
    }

    @Test
    void unescapesNamesAndAttributes() {
        assertThat(PickerForm.unescape("L&#253; Th&#x1ecb; M&amp;D &quot;x&quot;")).isEqualTo("Lý Thị M&D \"x\"");
    }

    private static String picker(String acrValues) throws Exception {
        String query = "client_id=" + sandbox.clientId() + "&response_type=code&scope=openid&state=s1&nonce=n1"
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT.toString(), StandardCharsets.UTF_8)
                // RFC 7636 Appendix B's example challenge: any well-formed S256 value will do for the picker.
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + (acrValues == null ? "" : "&acr_values=" + URLEncoder.encode(acrValues, StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(sandbox.issuer().resolve("/authorize?" + query)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("picker page").isEqualTo(200);
        return response.body();
    }
}
