package dev.baton.api;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * A session whose access token Baton has verified.
 *
 * @param sessionHandle the session's stable identifier
 * @param userId the user the session belongs to
 * @param accessTokenPayload the application's claims from the access token
 * @param newAccessToken a replacement access token that the caller must send back to the client,
 *     present only when verification confirmed a freshly rotated refresh token
 * @param sessionExpiresAt when the session ends unless it is refreshed again (never after its
 *     absolute lifetime), present when verification read the session's row: with a new access
 *     token, which must not be kept by the client any longer
 * @param authenticatedAt when the user last proved who they are: the login that created the
 *     session, or a re-authentication recorded since (the access token's {@code auth_time}, whole
 *     seconds)
 */
public record VerifiedSession(
    String sessionHandle,
    String userId,
    JsonObject accessTokenPayload,
    Optional<IssuedToken> newAccessToken,
    Optional<Instant> sessionExpiresAt,
    Instant authenticatedAt) {}
