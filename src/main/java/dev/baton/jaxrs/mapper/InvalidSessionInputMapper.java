package dev.baton.jaxrs.mapper;

import dev.baton.api.exception.InvalidSessionInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 with the reason, which names the argument and never its value. */
@Provider
@ApplicationScoped
public class InvalidSessionInputMapper implements ExceptionMapper<InvalidSessionInputException> {

  @Override
  public Response toResponse(InvalidSessionInputException exception) {
    return ErrorResponses.json(400, exception.getMessage());
  }
}
