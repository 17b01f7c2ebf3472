package vn.portal.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The portal exactly as built, renamed ROOT.war so Payara Micro serves it at context root {@code /}. */
final class PortalDeployment {

    private PortalDeployment() {
    }

    static WebArchive rootWar() {
        WebArchive built = ShrinkWrap.createFromZipFile(WebArchive.class, ItSettings.portalWar());
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(built);
    }
}
