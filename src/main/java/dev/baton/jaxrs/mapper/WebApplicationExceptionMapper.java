package dev.baton.jaxrs.mapper;

import dev.baton.config.BatonClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.Clock;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The JAX-RS runtime's own errors (404, 405, 406, 413, 415, a body it could not read) as JSON,
 * keeping their status and headers such as {@code Allow}. A response that already has a body is the
 * application's own answer and passes unchanged.
 *
 * <p>Opt-in ({@code BatonJaxrs.jsonErrorMappers()}), not scanned, so that it never rewrites a host
 * application's errors unasked.
 */
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private final FaultLog faults =
      new FaultLog(Logger.getLogger(WebApplicationExceptionMapper.class.getName()));

  @Inject @BatonClock Clock clock;

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    if (original.hasEntity()) {
      return original;
    }
    int status = original.getStatus();
    Response body =
        status >= 500
            ? ErrorResponses.serverFault(status, "server error", exception, faults, clock.instant())
            : ErrorResponses.json(
                status, original.getStatusInfo().getReasonPhrase().toLowerCase(Locale.ROOT));
    Response.ResponseBuilder response = Response.fromResponse(body);
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")
                  && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> response.header(name, value));
              }
            });
    return response.build();
  }
}
