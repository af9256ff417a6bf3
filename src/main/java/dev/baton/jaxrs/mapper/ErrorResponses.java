package dev.baton.jaxrs.mapper;

import dev.baton.core.JsonSupport;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;

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

  /**
   * A server fault: logged through {@code faults} under a correlation id that the response repeats,
   * nothing more.
   */
  static Response serverFault(
      int status, String message, Throwable fault, FaultLog faults, Instant now) {
    String correlationId = UUID.randomUUID().toString();
    faults.log(message, correlationId, fault, now);
    JsonObjectBuilder body =
        JsonSupport.builder().add("message", message).add("correlationId", correlationId);
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body.build())
        .build();
  }
}
