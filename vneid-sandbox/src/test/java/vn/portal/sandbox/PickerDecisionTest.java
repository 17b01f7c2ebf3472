package vn.portal.sandbox;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.portal.sandbox.CodeFlowTest.json;

/** The picker form: acr_values, the optional OTP step, CSRF protection and cancel. */
class PickerDecisionTest {

    static final String OTP = "246810";
    static final List<ACR> LEVEL_2 = List.of(new ACR("urn:vneid:loa:2"));

    @TempDir
    static Path dataDir;

    static SandboxServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxConfig.builder().port(0).dataDir(dataDir).backchannelLogoutUri(null)
                .otp(OTP).build());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void levelTwoRequestOffersNoButtonForLevelOneCitizens() {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> picker = flow.authorize(b -> b.acrValues(LEVEL_2));
        assertThat(picker.statusCode()).isEqualTo(200);
        assertThat(picker.body())
                .contains("id=\"acr-notice\"")
                .contains("value=\"001085012345\"")
                .doesNotContain("value=\"031095004567\"")
                .doesNotContain("value=\"048198007788\"")
                .contains("Phạm Minh Đức").contains("Chưa đạt mức 2");
    }

    @Test
    void levelOneCitizenPostedAnywayIsRefusedWithClearMessage() {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> picker = flow.authorize(b -> b.acrValues(LEVEL_2));
        HttpResponse<String> refused = flow.decide(picker, "031095004567", Map.of("otp", OTP));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(refused.body()).contains("Phạm Minh Đức").contains("mức 1").contains("không đáp ứng yêu cầu mức 2");

        // The transaction survives the refusal: the tester can pick a level-2 citizen next.
        HttpResponse<String> accepted = flow.decide(refused, "079301001234", Map.of("otp", OTP));
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(Flow.redirectParams(accepted)).containsKey("code");
    }

    @Test
    void levelOneSsoSessionDoesNotSatisfyStepUpToLevelTwo() throws Exception {
        Browser browser = new Browser();
        Flow level1 = new Flow(server, browser);
        HttpResponse<String> first = level1.decide(level1.authorize(), "031095004567", Map.of("otp", OTP));
        assertThat(first.statusCode()).isEqualTo(303);

        Flow stepUp = new Flow(server, browser);
        HttpResponse<String> picker = stepUp.authorize(b -> b.acrValues(LEVEL_2).prompt(new Prompt("login")));
        assertThat(picker.statusCode()).as("step-up shows the picker again").isEqualTo(200);
        HttpResponse<String> noPrompt = new Flow(server, browser).authorize(b -> b.acrValues(LEVEL_2));
        assertThat(noPrompt.statusCode()).as("even without prompt=login a level-1 session is not enough").isEqualTo(200);

        HttpResponse<String> decided = stepUp.decide(picker, "001085012345", Map.of("otp", OTP));
        String idToken = json(stepUp.token(Flow.redirectParams(decided).get("code")).body()).getAsString("id_token");
        assertThat(SignedJWT.parse(idToken).getJWTClaimsSet().getStringClaim("acr")).isEqualTo("urn:vneid:loa:2");
    }

    @Test
    void otpIsAskedForAndCheckedAndRecordedInAmr() throws Exception {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> picker = flow.authorize();
        assertThat(picker.body()).contains("name=\"otp\"").contains("Mã xác thực (OTP)");

        HttpResponse<String> missing = flow.decide(picker, "001085012345", Map.of());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Vui lòng nhập mã OTP");

        HttpResponse<String> wrong = flow.decide(picker, "001085012345", Map.of("otp", "000000"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Mã OTP không đúng");

        HttpResponse<String> right = flow.decide(picker, "001085012345", Map.of("otp", OTP));
        assertThat(right.statusCode()).isEqualTo(303);
        String idToken = json(flow.token(Flow.redirectParams(right).get("code")).body()).getAsString("id_token");
        assertThat(SignedJWT.parse(idToken).getJWTClaimsSet().getStringListClaim("amr")).containsExactly("pwd", "otp", "mfa");
    }

    @Test
    void tooManyWrongOtpsEndTheTransactionWithAccessDenied() {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> picker = flow.authorize();
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            last = flow.decide(picker, "001085012345", Map.of("otp", "11111" + i));
        }
        assertThat(last.statusCode()).isEqualTo(303);
        assertThat(Flow.redirectParams(last)).containsEntry("error", "access_denied")
                .containsEntry("state", flow.state.getValue());
        assertThat(flow.decide(picker, "001085012345", Map.of("otp", OTP)).statusCode()).isEqualTo(400);
    }

    @Test
    void decisionWithWrongCsrfTokenIsForbidden() {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> picker = flow.authorize();
        Map<String, String> form = new HashMap<>(Browser.pickerFields(picker.body()));
        form.put("csrf", "forged");
        form.put("citizen", "001085012345");
        form.put("otp", OTP);
        HttpResponse<String> response = flow.browser.postForm(flow.endpoint("/authorize/decision"), form);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void decisionFromAnotherBrowserIsForbidden() {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> picker = flow.authorize();
        Map<String, String> form = new HashMap<>(Browser.pickerFields(picker.body()));
        form.put("citizen", "001085012345");
        form.put("otp", OTP);
        HttpResponse<String> response = new Browser().postForm(flow.endpoint("/authorize/decision"), form);
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void decisionIsSingleUse() {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> picker = flow.authorize();
        assertThat(flow.decide(picker, "001085012345", Map.of("otp", OTP)).statusCode()).isEqualTo(303);
        HttpResponse<String> again = flow.decide(picker, "001085012345", Map.of("otp", OTP));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("đã hết hạn hoặc đã được sử dụng");
    }

    @Test
    void cancelReturnsAccessDeniedToTheClient() {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> picker = flow.authorize();
        Map<String, String> form = new HashMap<>(Browser.pickerFields(picker.body()));
        form.put("action", "cancel");
        HttpResponse<String> response = flow.browser.postForm(flow.endpoint("/authorize/decision"), form);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(Flow.redirectParams(response)).containsEntry("error", "access_denied")
                .containsEntry("state", flow.state.getValue())
                .containsEntry("iss", server.issuer().toString());
    }

    @Test
    void unknownCitizenIsRefusedOnThePicker() {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> response = flow.decide(flow.authorize(), "001085099999", Map.of("otp", OTP));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Không tìm thấy công dân");
    }
}
