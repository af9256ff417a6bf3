package dev.baton.jaxrs.mapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 for a request body that is not the JSON it should be. */
@Provider
@ApplicationScoped
public class MalformedJsonMapper implements ExceptionMapper<JsonException> {

  @Override
  public Response toResponse(JsonException exception) {
    return ErrorResponses.json(400, "malformed JSON");
  }
}
