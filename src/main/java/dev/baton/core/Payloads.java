package dev.baton.core;

import dev.baton.api.exception.InvalidSessionInputException;
import jakarta.json.JsonObject;

/** Checks application payloads and session data, and moves them to and from JSON text. */
final class Payloads {

  /** Access tokens travel in cookies, which browsers cap near 4 KB. */
  static final int MAX_ACCESS_TOKEN_PAYLOAD_CHARS = 2048;

  /** Fits a {@code TEXT} column on every supported database, whatever the characters. */
  static final int MAX_SESSION_DATA_CHARS = 16 * 1024;

  static final int MAX_USER_ID_LENGTH = 255;

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
    if (userId.length() > MAX_USER_ID_LENGTH) {
      throw new InvalidSessionInputException(
          "userId must be at most " + MAX_USER_ID_LENGTH + " characters");
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
    return limited(checked, MAX_ACCESS_TOKEN_PAYLOAD_CHARS, "accessTokenPayload");
  }

  /**
   * Checks session data and turns it into JSON text.
   *
   * @param data the data, or {@code null}
   * @return the JSON text
   */
  static String sessionData(JsonObject data) {
    return limited(
        data == null ? JsonObject.EMPTY_JSON_OBJECT : data, MAX_SESSION_DATA_CHARS, "sessionData");
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

  private static String limited(JsonObject value, int maxChars, String name) {
    String json = value.toString();
    if (json.length() > maxChars) {
      throw new InvalidSessionInputException(
          name + " must be at most " + maxChars + " characters as JSON");
    }
    return json;
  }
}
