package dev.baton.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads a JWT's parts without verifying it, to assert on what Baton put there. */
public final class Jwts {

  private Jwts() {}

  public static JsonObject header(String jwt) {
    return part(jwt, 0);
  }

  public static JsonObject claims(String jwt) {
    return part(jwt, 1);
  }

  /** Re-encodes a JSON object as a base64url JWT part. */
  public static String encode(JsonObject json) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject part(String jwt, int index) {
    String json = new String(
        Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(json)).readObject();
  }
}
