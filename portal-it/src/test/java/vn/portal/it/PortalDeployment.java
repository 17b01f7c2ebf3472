package vn.portal.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import vn.portal.it.portal.PortalBrowser;

/** The portal exactly as built, renamed ROOT.war so Payara Micro serves it at context root {@code /}. */
final class PortalDeployment {

    private PortalDeployment() {
    }

    static WebArchive rootWar() {
        WebArchive built = ShrinkWrap.createFromZipFile(WebArchive.class, ItSettings.portalWar());
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(built);
    }

    /**
     * Fails fast, with a message pointing at the server log, when the WAR did not deploy: the Micro
     * connector does not notice a failed deployment, and every case would otherwise fail on a 404.
     */
    static void requireDeployed() {
        // The public landing page: probing it has no side effect (no sign-in started, no provider call).
        int landing = new PortalBrowser(ItSettings.portal()).get("/").statusCode();
        if (landing == 404) {
            throw new IllegalStateException("portal-web is not deployed on Payara Micro (404 for /): "
                    + "the deployment error is in the Payara Micro log, target/failsafe-reports/<test class>-output.txt");
        }
    }
}
