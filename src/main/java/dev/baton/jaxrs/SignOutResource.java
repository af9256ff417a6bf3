package dev.baton.jaxrs;

import dev.baton.api.CurrentSession;
import dev.baton.api.SessionService;
import dev.baton.api.VerifySession;
import dev.baton.config.WebConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST {base}/signout}: revokes the caller's session and clears its tokens. */
@Path("{base: .+}/signout")
@RequestScoped
public class SignOutResource {

  @Inject SessionService sessions;
  @Inject CurrentSession session;
  @Inject RequestTokenTransport transport;
  @Inject WebConfig web;

  /**
   * Signs out.
   *
   * @param base the API base path the request matched
   * @return {@code {"status":"OK"}}
   */
  @POST
  @Operation(hidden = true)
  @VerifySession
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject signOut(@PathParam("base") String base) {
    ApiPaths.requireBase(base, web);
    sessions.revokeSession(session.require().sessionHandle());
    transport.clear();
    return Responses.OK;
  }
}
