package dev.baton.jaxrs.mapper;

import dev.baton.api.exception.SessionStoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * 503 with {@code Retry-After}: the database failed, the client keeps its tokens and retries.
 * Never a 401, which would log the user out for the server's fault. Each one is logged on one line
 * with its correlation id; the stack trace at most once a minute (an outage fails every request
 * alike).
 */
@Provider
@ApplicationScoped
public class SessionStoreUnavailableMapper
    implements ExceptionMapper<SessionStoreUnavailableException> {

  static final String RETRY_AFTER_SECONDS = "5";
  private static final String MESSAGE = "session store unavailable";

  private final FaultLog faults =
      new FaultLog(Logger.getLogger(SessionStoreUnavailableMapper.class.getName()));

  @Inject Clock clock;

  @Override
  public Response toResponse(SessionStoreUnavailableException exception) {
    String correlationId = UUID.randomUUID().toString();
    faults.log(MESSAGE, correlationId, exception.getCause(), clock.instant());
    return Response.fromResponse(ErrorResponses.serverFault(503, MESSAGE, correlationId))
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
  }
}
