package dev.baton.jaxrs.mapper;

import dev.baton.api.exception.SessionStoreUnavailableException;
import dev.baton.config.BatonClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * 503 with {@code Retry-After}: the database failed, the client keeps its tokens and retries. Never
 * a 401, which would log the user out for the server's fault.
 */
@Provider
@ApplicationScoped
public class SessionStoreUnavailableMapper
    implements ExceptionMapper<SessionStoreUnavailableException> {

  static final String RETRY_AFTER_SECONDS = "5";

  private final FaultLog faults =
      new FaultLog(Logger.getLogger(SessionStoreUnavailableMapper.class.getName()));

  @Inject @BatonClock Clock clock;

  @Override
  public Response toResponse(SessionStoreUnavailableException exception) {
    Response response =
        ErrorResponses.serverFault(
            503, "session store unavailable", exception.getCause(), faults, clock.instant());
    return Response.fromResponse(response)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .build();
  }
}
