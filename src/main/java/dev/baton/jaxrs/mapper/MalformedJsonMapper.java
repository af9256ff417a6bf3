package dev.baton.jaxrs.mapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * 400 for a request body that is not the JSON it should be.
 *
 * <p>Opt-in ({@code BatonJaxrs.jsonErrorMappers()}), not scanned: in a host application a {@code
 * JsonException} may be a server bug that this would hide as a client error.
 */
@ApplicationScoped
public class MalformedJsonMapper implements ExceptionMapper<JsonException> {

  @Override
  public Response toResponse(JsonException exception) {
    return ErrorResponses.json(400, "malformed JSON");
  }
}
