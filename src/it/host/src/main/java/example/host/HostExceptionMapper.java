package example.host;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The host's error format, which Baton must leave alone. */
@Provider
public class HostExceptionMapper implements ExceptionMapper<HostException> {
  @Override
  public Response toResponse(HostException exception) {
    return json(exception.status, exception.getMessage());
  }

  /** The host's error body, {@code {"hostError": message}}, shared by its mappers. */
  static Response json(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Json.createObjectBuilder().add("hostError", message).build())
        .build();
  }
}
