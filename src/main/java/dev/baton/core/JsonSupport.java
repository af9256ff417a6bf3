package dev.baton.core;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * One JSON-P provider for the whole engine. {@code Json.createReader} and friends look the
 * provider up through {@link java.util.ServiceLoader} on every call, which scanned jars on every
 * token verification and cost more than the RSA signature check itself.
 */
final class JsonSupport {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private JsonSupport() {}

  static JsonObject parse(String json) {
    try (var reader = PROVIDER.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  static JsonObjectBuilder builder() {
    return PROVIDER.createObjectBuilder();
  }

  static JsonObjectBuilder builder(JsonObject start) {
    return PROVIDER.createObjectBuilder(start);
  }

  static JsonArrayBuilder arrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }
}
