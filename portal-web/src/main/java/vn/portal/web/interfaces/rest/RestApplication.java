package vn.portal.web.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS resources live under {@code /api}, behind the session guard. */
@ApplicationPath("/api")
public class RestApplication extends Application {
}
