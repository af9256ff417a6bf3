package example.host;

import jakarta.ejb.EJBAccessException;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The host's answer when an EJB refuses its caller. */
@Provider
public class EjbAccessMapper implements ExceptionMapper<EJBAccessException> {

  @Override
  public Response toResponse(EJBAccessException exception) {
    return Response.status(403)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Json.createObjectBuilder().add("hostError", "forbidden").build())
        .build();
  }
}
