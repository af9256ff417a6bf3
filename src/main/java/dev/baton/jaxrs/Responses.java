package dev.baton.jaxrs;

import dev.baton.core.JsonSupport;
import jakarta.json.JsonObject;

/** Bodies Baton's resources answer with. */
final class Responses {

  static final JsonObject OK = JsonSupport.builder().add("status", "OK").build();

  private Responses() {}
}
