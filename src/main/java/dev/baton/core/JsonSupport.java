package dev.baton.core;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * One JSON-P provider for all of Baton (internal: not part of the API). {@code Json.createReader}
 * and friends look the provider up through {@link java.util.ServiceLoader} on every call, which
 * scanned jars on every token verification and cost more than the RSA signature check itself.
 */
public final class JsonSupport {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private JsonSupport() {}

  public static JsonObject parse(String json) {
    try (var reader = PROVIDER.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  public static JsonObjectBuilder builder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder builder(JsonObject start) {
    return PROVIDER.createObjectBuilder(start);
  }

  public static JsonArrayBuilder arrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }
}
