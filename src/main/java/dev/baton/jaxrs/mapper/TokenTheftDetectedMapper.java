package dev.baton.jaxrs.mapper;

import dev.baton.api.SessionDelivery;
import dev.baton.api.exception.TokenTheftDetectedException;
import dev.baton.metrics.SessionMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 401 {@code {"message":"token theft detected"}}: the session is revoked, tokens cleared. */
@Provider
@ApplicationScoped
public class TokenTheftDetectedMapper implements ExceptionMapper<TokenTheftDetectedException> {

  @Inject SessionDelivery delivery;

  @Inject SessionMetrics metrics;

  @Override
  public Response toResponse(TokenTheftDetectedException exception) {
    metrics.unauthorised("token_theft");
    delivery.clear();
    return ErrorResponses.json(401, "token theft detected");
  }
}
