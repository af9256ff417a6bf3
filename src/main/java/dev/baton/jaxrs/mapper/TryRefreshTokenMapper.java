package dev.baton.jaxrs.mapper;

import dev.baton.api.exception.TryRefreshTokenException;
import dev.baton.config.WebConfig;
import dev.baton.metrics.SessionMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code session.session-expired-status} (401) {@code {"message":"try refresh token"}}: the
 * frontend refreshes and retries; tokens are kept. A browser navigation gets {@link RefreshPage}
 * instead, which refreshes and reloads.
 */
@Provider
@ApplicationScoped
public class TryRefreshTokenMapper implements ExceptionMapper<TryRefreshTokenException> {

  @Inject WebConfig web;
  @Inject RefreshPage page;

  @Inject SessionMetrics metrics;

  @Override
  public Response toResponse(TryRefreshTokenException exception) {
    metrics.unauthorised("try_refresh_token");
    if (page.applies()) {
      return page.response(web.sessionExpiredStatus());
    }
    return ErrorResponses.json(web.sessionExpiredStatus(), "try refresh token");
  }
}
