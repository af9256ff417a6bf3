package example.host;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The host's answer to a body JSON-B could not read on Liberty, where RESTEasy lets the {@code
 * JsonbException} through (a 500 otherwise). The host's business, not Baton's.
 */
@Provider
public class UnreadableJsonMapper implements ExceptionMapper<JsonbException> {
  @Override
  public Response toResponse(JsonbException exception) {
    return HostExceptionMapper.json(400, "unreadable body");
  }
}
