package dev.baton.jaxrs.mapper;

import dev.baton.config.BatonClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Anything else is a bug: 500 with a correlation id; the details only in the server log.
 *
 * <p>Not a scanned provider: a mapper for {@code Throwable} would take over the host application's
 * error handling. An application opts in with {@code BatonJaxrs.jsonErrorMappers()}.
 */
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private final FaultLog faults =
      new FaultLog(Logger.getLogger(UnexpectedExceptionMapper.class.getName()));

  @Inject @BatonClock Clock clock;

  @Override
  public Response toResponse(Throwable exception) {
    return ErrorResponses.serverFault(500, "internal error", exception, faults, clock.instant());
  }
}
