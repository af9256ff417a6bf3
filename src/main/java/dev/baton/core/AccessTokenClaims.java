package dev.baton.core;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The claims of an access token, in SuperTokens' v3 layout: Baton's claims beside the application's
 * payload at the top level.
 *
 * @param sessionHandle {@code sessionHandle}
 * @param userId {@code sub}
 * @param refreshTokenHash1 {@code refreshTokenHash1}: sha256 of the refresh token issued with it
 * @param parentRefreshTokenHash1 {@code parentRefreshTokenHash1}: sha256 of that token's parent
 *     while the parent is still the session's current one, else {@code null}
 * @param antiCsrfToken {@code antiCsrfToken}, or {@code null}
 * @param payload the application's claims
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param authTime {@code auth_time}: when the user last authenticated (OIDC Core 1.0 section 2)
 */
record AccessTokenClaims(
    String sessionHandle,
    String userId,
    String refreshTokenHash1,
    String parentRefreshTokenHash1,
    String antiCsrfToken,
    JsonObject payload,
    Instant issuedAt,
    Instant expiresAt,
    Instant authTime) {

  /**
   * The same claims once the refresh token they name has become the session's current one.
   *
   * @param newPayload the payload the database holds now
   * @param storedAuthTime the last authentication the database holds now
   * @param now when the new token is issued
   * @param validity how long it lives
   * @return claims without a parent hash
   */
  AccessTokenClaims confirmed(
      JsonObject newPayload, Instant storedAuthTime, Instant now, Duration validity) {
    return new AccessTokenClaims(
        sessionHandle,
        userId,
        refreshTokenHash1,
        null,
        antiCsrfToken,
        newPayload,
        now,
        expiryAfter(now, validity),
        storedAuthTime);
  }

  /**
   * When a token issued now expires: JWT times are whole seconds (RFC 7519 section 2), so the
   * expiry is rounded down rather than left for a verifier to round up.
   *
   * @param now the issue time
   * @param validity how long the token lives
   * @return the expiry, whole seconds
   */
  static Instant expiryAfter(Instant now, Duration validity) {
    return now.plus(validity).truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * The same session's claims after its user authenticated again, in a token issued now.
   *
   * @param now when the user authenticated and the token is issued
   * @param validity how long it lives
   * @return the claims
   */
  AccessTokenClaims reauthenticated(Instant now, Duration validity) {
    return new AccessTokenClaims(
        sessionHandle,
        userId,
        refreshTokenHash1,
        parentRefreshTokenHash1,
        antiCsrfToken,
        payload,
        now,
        expiryAfter(now, validity),
        now);
  }

  /**
   * The same claims with another payload and the same lifetime.
   *
   * @param newPayload the application's new claims
   * @return the claims
   */
  AccessTokenClaims withPayload(JsonObject newPayload) {
    return new AccessTokenClaims(
        sessionHandle,
        userId,
        refreshTokenHash1,
        parentRefreshTokenHash1,
        antiCsrfToken,
        newPayload,
        issuedAt,
        expiresAt,
        authTime);
  }

  @Override
  public String toString() {
    return "AccessTokenClaims[sessionHandle=" + sessionHandle + ", expiresAt=" + expiresAt + "]";
  }
}
