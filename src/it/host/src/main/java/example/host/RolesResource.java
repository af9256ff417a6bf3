package example.host;

import dev.baton.api.VerifySession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The host's role-checked endpoints, as a Jakarta EE team writes them. */
@Path("roles")
@RequestScoped
public class RolesResource {

  @EJB AdminReport report;

  /** Guarded by the standard annotation alone. */
  @GET
  @Path("admin")
  @RolesAllowed("admin")
  @Produces(MediaType.APPLICATION_JSON)
  public Whoami admin(@Context SecurityContext security) {
    return Whoami.of(security, "admin");
  }

  /** Needs a session; the EJB it calls needs the admin role. */
  @GET
  @Path("ejb")
  @VerifySession
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject ejb() {
    return Json.createObjectBuilder().add("caller", report.caller()).build();
  }
}
