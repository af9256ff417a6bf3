package example.host;

import dev.baton.api.SessionDelivery;
import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The host's login, as the README's five-minute guide writes it. */
@Path("login")
@RequestScoped
public class LoginResource {

  @Inject SessionService sessions;
  @Inject SessionDelivery delivery;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Host login")
  public JsonObject login(Credentials credentials) {
    // Stand-in for a user store: the password of user u is "pw-u".
    if (credentials == null
        || credentials.userId == null
        || !("pw-" + credentials.userId).equals(credentials.password)) {
      throw new HostException(403, "bad credentials");
    }
    SessionTokens tokens =
        sessions.createNewSession(credentials.userId, null, null, delivery.device());
    delivery.deliver(tokens);
    return Json.createObjectBuilder()
        .add("userId", tokens.userId())
        .add("sessionHandle", tokens.sessionHandle())
        .build();
  }
}
