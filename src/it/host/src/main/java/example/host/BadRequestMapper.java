package example.host;

import jakarta.json.Json;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The host's answer to a body its JSON-B reader could not read: Jersey (Payara) reports that as
 * a {@code ProcessingException} and would answer 500. Handling it is the host's business, not
 * Baton's.
 */
@Provider
public class BadRequestMapper implements ExceptionMapper<ProcessingException> {
  @Override
  public Response toResponse(ProcessingException exception) {
    return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Json.createObjectBuilder().add("hostError", "unreadable body").build()).build();
  }
}
