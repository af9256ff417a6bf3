package dev.baton.jaxrs;

import dev.baton.api.VerifiedSession;
import dev.baton.api.exception.InvalidClaimException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
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
   * Refuses a session whose last authentication is older than {@code maxAuthAge}.
   *
   * @param session the verified session
   * @param maxAuthAge the annotation's value; empty for no limit
   * @param now the current time
   * @throws InvalidClaimException when the authentication is too old, or the limit unreadable
   */
  static void check(VerifiedSession session, String maxAuthAge, Instant now) {
    if (maxAuthAge.isEmpty()) {
      return;
    }
    Duration max = PARSED.computeIfAbsent(maxAuthAge, AuthenticationAge::parse);
    if (max.isZero()) {
      throw InvalidClaimException.unchecked(
          CLAIM_ID, session.sessionHandle(), "maxAuthAge is not a positive ISO-8601 duration");
    }
    long age = Duration.between(session.authenticatedAt(), now).toSeconds();
    if (age > max.toSeconds()) {
      throw InvalidClaimException.expired(CLAIM_ID, session.sessionHandle(), age, max.toSeconds());
    }
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
