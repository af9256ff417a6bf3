package dev.baton.core;

/**
 * What a refresh token carries, sealed inside it so that no database row per token is needed.
 *
 * @param sessionHandle the session the token belongs to
 * @param parentRefreshTokenHash1 sha256 of the token it was rotated from, or {@code null} for the
 *     first token of a session
 * @param antiCsrfToken the anti-CSRF token issued with it, or {@code null}
 */
record RefreshTokenContent(
    String sessionHandle, String parentRefreshTokenHash1, String antiCsrfToken) {

  @Override
  public String toString() {
    return "RefreshTokenContent[sessionHandle=" + sessionHandle + "]";
  }
}
