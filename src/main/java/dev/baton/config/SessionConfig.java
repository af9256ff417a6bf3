package dev.baton.config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Baton's settings, validated at start-up. Each component names the MicroProfile Config key it
 * comes from; environment variables override them as MicroProfile Config defines ({@code
 * SESSION_ACCESS_TOKEN_VALIDITY=PT5M}).
 *
 * @param accessTokenValidity {@code session.access-token.validity}, default {@code PT1H}
 * @param accessTokenClockSkew {@code session.access-token.clock-skew}: how long after its expiry an
 *     access token is still accepted, default {@code PT0S}
 * @param refreshTokenValidity {@code session.refresh-token.validity}, default {@code P100D}
 * @param antiCsrf {@code session.anti-csrf}, default {@code VIA_TOKEN}
 * @param signingKeyRotation {@code session.signing-key.rotation}: how long one key signs, default
 *     {@code P7D}
 * @param checkDatabase {@code session.check-database}: whether verifying an access token also
 *     refuses revoked sessions (one database read per request), default {@code false}
 * @param issuer {@code session.issuer}: the {@code iss} claim, default {@code baton}
 * @param accessTokenCacheSize {@code session.access-token.cache-size}: how many verified access
 *     tokens to remember so that a repeated token skips the RSA check, default 10000; 0 disables
 * @param purgeInterval {@code session.purge.interval}: how often expired sessions and retired keys
 *     are deleted, default {@code PT1H}; {@code PT0S} disables
 * @param lockTimeout {@code session.lock-timeout}: how long a refresh waits for another one of the
 *     same session to release its row, in whole seconds, default {@code PT5S}; {@code PT0S} waits
 *     as long as it takes. A refresh that waits longer is answered 503, never 401.
 * @param refreshTokenKeyRotation {@code session.refresh-token-key.rotation}: how long one AES key
 *     seals refresh tokens, default {@code P7D}
 * @param absoluteLifetime {@code session.absolute-lifetime}: how long after its creation a session
 *     ends, however often it is refreshed, default {@code P30D}
 * @param rolesClaim {@code session.roles-claim}: the access-token payload claim that holds the
 *     session's roles as an array of strings, default {@code groups} (MicroProfile JWT's name)
 * @param audience {@code session.audience}: the {@code aud} claim, comma-separated, for services
 *     that verify Baton's tokens and check their audience; default none (no {@code aud} claim)
 */
public record SessionConfig(
    Duration accessTokenValidity,
    Duration accessTokenClockSkew,
    Duration refreshTokenValidity,
    AntiCsrfMode antiCsrf,
    Duration signingKeyRotation,
    boolean checkDatabase,
    String issuer,
    int accessTokenCacheSize,
    Duration purgeInterval,
    Duration lockTimeout,
    Duration refreshTokenKeyRotation,
    Duration absoluteLifetime,
    String rolesClaim,
    List<String> audience) {

  /**
   * When a session ends if nothing refreshes it again: after the idle timeout (the sliding refresh
   * validity) from now, and never later than its absolute lifetime from its creation (OWASP ASVS
   * 7.3.1 and 7.3.2).
   *
   * @param createdAt when the session was created
   * @param now the current time
   * @return the end
   */
  public Instant sessionEnd(Instant createdAt, Instant now) {
    Instant idleEnd = now.plus(refreshTokenValidity);
    Instant absoluteEnd = createdAt.plus(absoluteLifetime);
    return idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
  }

  /** How long a retired signing key must still verify: until every token it signed expired. */
  public Duration signingKeyRetention() {
    return accessTokenValidity.plus(accessTokenClockSkew);
  }

  /**
   * How long a refresh-token key must still open tokens after it stopped sealing: until every token
   * it sealed is dead. A child token sealed at time t is at most a refresh validity from its
   * session's end (the session was last extended before t); used for the first time just before
   * that end, it extends the session by another validity and stays the current parent (a lost
   * answer is retried with it) until then: two validities in all.
   */
  public Duration refreshTokenKeyRetention() {
    return refreshTokenValidity.multipliedBy(2);
  }
}
