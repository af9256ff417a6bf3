package dev.baton.core;

import dev.baton.api.exception.InvalidSessionInputException;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;

/** Checks application payloads and session data, and moves them to and from JSON text. */
final class Payloads {

  /** Access tokens travel in cookies, which browsers cap near 4 KB: UTF-8 bytes, not chars. */
  static final int MAX_ACCESS_TOKEN_PAYLOAD_BYTES = 2048;

  /** Fits a {@code TEXT} column (64 KiB on MariaDB) on every supported database. */
  static final int MAX_SESSION_DATA_BYTES = 16 * 1024;

  /** Fits {@code VARCHAR(255)} on every database, whether it counts characters or bytes. */
  static final int MAX_USER_ID_BYTES = 255;

  private Payloads() {}

  /**
   * Checks a user id.
   *
   * @param userId the id an application passed
   * @return the id
   */
  static String userId(String userId) {
    if (userId == null || userId.isBlank()) {
      throw new InvalidSessionInputException("userId must not be empty");
    }
    if (utf8Length(userId) > MAX_USER_ID_BYTES) {
      throw new InvalidSessionInputException(
          "userId must be at most " + MAX_USER_ID_BYTES + " bytes in UTF-8");
    }
    return userId;
  }

  /**
   * Checks an access-token payload and turns it into JSON text.
   *
   * @param payload the application's claims, or {@code null}
   * @return the JSON text
   */
  static String accessTokenPayload(JsonObject payload) {
    JsonObject checked = payload == null ? JsonObject.EMPTY_JSON_OBJECT : payload;
    for (String name : checked.keySet()) {
      if (ClaimNames.RESERVED.contains(name)) {
        throw new InvalidSessionInputException(
            "accessTokenPayload must not use the reserved claim name '" + name + "'");
      }
    }
    return limited(checked, MAX_ACCESS_TOKEN_PAYLOAD_BYTES, "accessTokenPayload");
  }

  /**
   * Checks session data and turns it into JSON text.
   *
   * @param data the data, or {@code null}
   * @return the JSON text
   */
  static String sessionData(JsonObject data) {
    return limited(
        data == null ? JsonObject.EMPTY_JSON_OBJECT : data, MAX_SESSION_DATA_BYTES, "sessionData");
  }

  /**
   * Reads JSON text written by this class.
   *
   * @param json the text
   * @return the object
   */
  static JsonObject parse(String json) {
    return JsonSupport.parse(json);
  }

  private static String limited(JsonObject value, int maxBytes, String name) {
    String json = value.toString();
    if (utf8Length(json) > maxBytes) {
      throw new InvalidSessionInputException(
          name + " must be at most " + maxBytes + " bytes as JSON in UTF-8");
    }
    return json;
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
