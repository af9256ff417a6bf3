package dev.baton.jaxrs.mapper;

import dev.baton.core.JsonSupport;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds JSON error bodies. Always with an entity: Payara replaces an empty 401 with an HTML page.
 */
final class ErrorResponses {

  private ErrorResponses() {}

  static Response json(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(JsonSupport.builder().add("message", message).build())
        .build();
  }

  /** A server fault: logged with a correlation id that the response repeats, nothing more. */
  static Response serverFault(int status, String message, Throwable fault, Logger log) {
    String correlationId = UUID.randomUUID().toString();
    log.log(Level.WARNING, fault, () -> message + " [correlationId=" + correlationId + "]");
    return serverFault(status, message, correlationId);
  }

  /** A server fault that the caller has logged under {@code correlationId}. */
  static Response serverFault(int status, String message, String correlationId) {
    JsonObjectBuilder body = JsonSupport.builder()
        .add("message", message)
        .add("correlationId", correlationId);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.build())
        .build();
  }
}
