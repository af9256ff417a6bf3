package dev.baton.jaxrs.mapper;

import dev.baton.api.exception.SessionLimitExceededException;
import dev.baton.core.JsonSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 409 {@code {"message":"session limit reached","limit":n}}: the login conflicts with the user's
 * existing sessions, which stay; the user ends one (or an administrator raises the limit) and tries
 * again. Never a 401: no session was involved, and the SDK must not try a refresh.
 */
@Provider
@ApplicationScoped
public class SessionLimitExceededMapper implements ExceptionMapper<SessionLimitExceededException> {

  @Override
  public Response toResponse(SessionLimitExceededException exception) {
    return Response.status(Response.Status.CONFLICT)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            JsonSupport.builder()
                .add("message", "session limit reached")
                .add("limit", exception.limit())
                .build())
        .build();
  }
}
