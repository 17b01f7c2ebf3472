package vn.portal.e2e;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The portal exactly as built, renamed ROOT.war so Payara Micro serves it at context root {@code /}. */
final class PortalDeployment {

    private PortalDeployment() {
    }

    static WebArchive rootWar() {
        WebArchive built = ShrinkWrap.createFromZipFile(WebArchive.class, E2eSettings.portalWar().toFile());
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(built);
    }

    /**
     * Fails fast when the WAR did not deploy: the Micro connector does not notice a failed deployment, and every
     * scenario would otherwise time out waiting for a page that never comes.
     */
    static void requireDeployed() throws IOException, InterruptedException {
        URI landing = E2eSettings.portal().resolve("/");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(landing).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("portal-web does not serve its landing page " + landing + " (HTTP "
                    + response.statusCode() + "): the deployment error is in the Payara Micro log printed with this test's output");
        }
    }
}
