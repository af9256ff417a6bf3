package example.host;

import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The host's own errors, which must reach its clients exactly as the host made them. */
@Path("errors")
public class ErrorsResource {

  @GET
  @Path("conflict")
  @Operation(summary = "A WebApplicationException with the host's own body")
  public String conflict() {
    throw new WebApplicationException(
        Response.status(409)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Json.createObjectBuilder().add("host", "conflict").build())
            .build());
  }

  @GET
  @Path("teapot")
  @Operation(summary = "A host exception for the host's mapper")
  public String teapot() {
    throw new HostException(418, "short and stout");
  }

  @POST
  @Path("echo")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Echoes a JSON-B object")
  public Credentials echo(Credentials body) {
    return body;
  }
}
