package dev.baton.jaxrs;

import dev.baton.api.ClaimValidationError;
import dev.baton.api.VerifiedSession;
import dev.baton.core.JsonSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/** The {@code VerifySession.maxAuthAge} check: how long ago the session's user authenticated. */
final class AuthenticationAge {

  /** The id the frontend sees in {@code claimValidationErrors}. */
  static final String CLAIM_ID = "baton-auth-time";

  private static final Logger LOG = Logger.getLogger(AuthenticationAge.class.getName());

  /** Each annotation value read once; an unreadable one maps to {@link Duration#ZERO}. */
  private static final Map<String, Duration> PARSED = new ConcurrentHashMap<>();

  private AuthenticationAge() {}

  /**
   * Checks that a session's last authentication is recent enough.
   *
   * @param session the verified session
   * @param maxAuthAge the annotation's value; empty for no limit
   * @param now the current time
   * @return the failure when the authentication is too old or the limit unreadable, else empty
   */
  static Optional<ClaimValidationError> check(
      VerifiedSession session, String maxAuthAge, Instant now) {
    if (maxAuthAge.isEmpty()) {
      return Optional.empty();
    }
    Duration max = PARSED.computeIfAbsent(maxAuthAge, AuthenticationAge::parse);
    if (max.isZero()) {
      return Optional.of(
          ClaimChecks.error(CLAIM_ID, "maxAuthAge is not a positive ISO-8601 duration"));
    }
    long age = Duration.between(session.authenticatedAt(), now).toSeconds();
    if (age <= max.toSeconds()) {
      return Optional.empty();
    }
    return Optional.of(
        new ClaimValidationError(
            CLAIM_ID,
            JsonSupport.builder()
                .add("message", "expired")
                .add("ageInSeconds", age)
                .add("maxAgeInSeconds", max.toSeconds())
                .build()));
  }

  private static Duration parse(String value) {
    try {
      Duration parsed = Duration.parse(value);
      if (!parsed.isNegative() && !parsed.isZero()) {
        return parsed;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    LOG.severe(
        () ->
            "@VerifySession(maxAuthAge = \""
                + value
                + "\") is not a positive ISO-8601 duration such as PT5M: every request to it is"
                + " refused with 403 until it is fixed");
    return Duration.ZERO;
  }
}
