package example.downstream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who the MicroProfile JWT runtime says is calling, and a resource only admins may use. */
@Path("whoami")
@RequestScoped
public class WhoamiResource {

  @Inject JsonWebToken token;

  @GET
  @RolesAllowed({"admin", "user"})
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject whoami(@Context SecurityContext security) {
    return Json.createObjectBuilder()
        .add("user", security.getUserPrincipal().getName())
        .add("subject", token.getSubject())
        .add("groups", Json.createArrayBuilder(token.getGroups()))
        .build();
  }

  @GET
  @Path("admin")
  @RolesAllowed("admin")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject admin(@Context SecurityContext security) {
    return Json.createObjectBuilder().add("user", security.getUserPrincipal().getName()).build();
  }
}
