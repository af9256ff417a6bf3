package dev.baton.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A token handed to a client, with the instant after which Baton refuses it.
 *
 * <p>{@link #toString()} never prints the token itself, so a record that reaches a log line leaks
 * nothing.
 *
 * @param value the token as the client sends it back
 * @param expiresAt when the token stops being accepted
 */
public record IssuedToken(String value, Instant expiresAt) {

  /**
   * Checks that both parts are present.
   *
   * @param value the token as the client sends it back
   * @param expiresAt when the token stops being accepted
   */
  public IssuedToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "IssuedToken[value=<redacted>, expiresAt=" + expiresAt + "]";
  }
}
