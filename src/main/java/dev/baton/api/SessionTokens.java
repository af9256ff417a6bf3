package dev.baton.api;

import jakarta.json.JsonObject;

/**
 * A complete token set, as returned by creating or refreshing a session.
 *
 * @param sessionHandle the session's stable identifier, safe to show and log
 * @param userId the user the session belongs to
 * @param accessToken the signed JWT to send with every request
 * @param refreshToken the opaque token to send to the refresh endpoint only
 * @param antiCsrfToken the anti-CSRF token bound to these tokens, or {@code null} unless the
 *     anti-CSRF mode is {@code VIA_TOKEN}
 * @param accessTokenPayload the application's claims inside the access token
 */
public record SessionTokens(
    String sessionHandle,
    String userId,
    IssuedToken accessToken,
    IssuedToken refreshToken,
    String antiCsrfToken,
    JsonObject accessTokenPayload) {

  @Override
  public String toString() {
    return "SessionTokens[sessionHandle="
        + sessionHandle
        + ", userId="
        + userId
        + ", accessToken="
        + accessToken
        + ", refreshToken="
        + refreshToken
        + ", antiCsrfToken=<redacted>]";
  }
}
