package example.host;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The host's answer to a body its JSON-B reader could not read: Jersey (Payara) reports that as a
 * {@code ProcessingException} and would answer 500. Handling it is the host's business, not
 * Baton's.
 */
@Provider
public class BadRequestMapper implements ExceptionMapper<ProcessingException> {
  @Override
  public Response toResponse(ProcessingException exception) {
    return HostExceptionMapper.json(400, "unreadable body");
  }
}
