package vn.portal.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.portal.web.security.session.CurrentUser;
import vn.portal.web.security.session.SignedInUser;

import java.util.List;

/**
 * {@code GET /api/me}: the signed-in user as JSON, for the portal's own scripts and for monitoring a sign-in
 * end to end. The personal ID is masked; the session guard answers 401 when nobody is signed in.
 */
@Path("/me")
@RequestScoped
public class MeResource {

    @Inject
    CurrentUser currentUser;

    /** The JSON shape of {@code /api/me}. */
    public record Me(String personalIdMasked, String fullName, int assuranceLevel, List<String> roles) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        SignedInUser user = currentUser.getUser();
        return new Me(user.maskedPersonalId(), user.fullName(), user.level().number(), user.roles().stream().sorted().toList());
    }
}
