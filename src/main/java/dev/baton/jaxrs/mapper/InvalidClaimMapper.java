package dev.baton.jaxrs.mapper;

import dev.baton.api.ClaimValidationError;
import dev.baton.api.exception.InvalidClaimException;
import dev.baton.core.JsonSupport;
import dev.baton.metrics.SessionMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 403 {@code {"message":"invalid claim","claimValidationErrors":[{"id":...,"reason":{...}}]}},
 * SuperTokens' answer for a session that fails a claim check: the frontend SDK neither refreshes
 * nor signs out, and hands the errors to the application. Tokens are kept.
 */
@Provider
@ApplicationScoped
public class InvalidClaimMapper implements ExceptionMapper<InvalidClaimException> {

  @Inject SessionMetrics metrics;

  @Override
  public Response toResponse(InvalidClaimException exception) {
    metrics.unauthorised("invalid_claim");
    JsonArrayBuilder errors = JsonSupport.arrayBuilder();
    for (ClaimValidationError error : exception.errors()) {
      errors.add(JsonSupport.builder().add("id", error.id()).add("reason", error.reason()));
    }
    return Response.status(403)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            JsonSupport.builder()
                .add("message", "invalid claim")
                .add("claimValidationErrors", errors)
                .build())
        .build();
  }
}
