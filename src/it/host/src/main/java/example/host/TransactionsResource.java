package example.host;

import dev.baton.api.SessionTokens;
import dev.baton.api.VerifiedSession;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Calls into {@link AccountService}; the refresh token comes as {@code X-Refresh-Token}. */
@Path("tx")
@Produces(MediaType.APPLICATION_JSON)
public class TransactionsResource {

  @Inject AccountService accounts;

  @POST
  @Path("refresh")
  public JsonObject refresh(@HeaderParam("X-Refresh-Token") String refreshToken) {
    SessionTokens tokens = accounts.refresh(refreshToken);
    return Json.createObjectBuilder().add("refreshToken", tokens.refreshToken().value()).build();
  }

  @POST
  @Path("revoke-then-fail/{handle}")
  public JsonObject revokeThenFail(@PathParam("handle") String handle) {
    accounts.revokeThenFail(handle);
    return Json.createObjectBuilder().build();
  }

  @POST
  @Path("refresh-and-use")
  public JsonObject refreshAndUse(@HeaderParam("X-Refresh-Token") String refreshToken) {
    VerifiedSession session = accounts.refreshAndUse(refreshToken);
    return Json.createObjectBuilder().add("user", session.userId()).build();
  }
}
