package vn.portal.sandbox;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.portal.sandbox.CodeFlowTest.json;

/** SANDBOX_ACR_MODE=voluntary: a level-1 answer to a level-2 request, for testing the relying party's refusal. */
class VoluntaryAcrTest {

    @Test
    void levelOneCitizenCanBeChosenAndTheIdTokenSaysLevelOne(@TempDir Path dir) throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxConfig.builder().port(0).dataDir(dir)
                .backchannelLogoutUri(null).acrEnforced(false).build())) {
            Flow flow = new Flow(server, new Browser());
            HttpResponse<String> picker = flow.authorize(b -> b.acrValues(List.of(new ACR("urn:vneid:loa:2")))
                    .prompt(new Prompt("login")));
            assertThat(picker.body()).contains("id=\"acr-notice\"").contains("chế độ không bắt buộc")
                    .contains("value=\"031095004567\"");
            HttpResponse<String> decision = flow.decide(picker, "031095004567", Map.of());
            assertThat(decision.statusCode()).isEqualTo(303);
            String idToken = json(flow.token(Flow.redirectParams(decision).get("code")).body()).getAsString("id_token");
            assertThat(SignedJWT.parse(idToken).getJWTClaimsSet().getStringClaim("acr")).isEqualTo("urn:vneid:loa:1");
        }
    }
}
