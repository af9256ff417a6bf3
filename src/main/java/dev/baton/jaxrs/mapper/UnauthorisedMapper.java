package dev.baton.jaxrs.mapper;

import dev.baton.api.SessionDelivery;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.metrics.SessionMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 401 {@code {"message":"unauthorised"}}; tokens cleared unless there were none to blame. */
@Provider
@ApplicationScoped
public class UnauthorisedMapper implements ExceptionMapper<UnauthorisedException> {

  @Inject SessionDelivery delivery;

  @Inject SessionMetrics metrics;

  @Override
  public Response toResponse(UnauthorisedException exception) {
    metrics.unauthorised("unauthorised");
    if (exception.clearTokens()) {
      delivery.clear();
    }
    return ErrorResponses.json(401, "unauthorised");
  }
}
