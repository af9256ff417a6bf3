package dev.baton.api;

import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * A session whose access token Baton has verified.
 *
 * @param sessionHandle the session's stable identifier
 * @param userId the user the session belongs to
 * @param accessTokenPayload the application's claims from the access token
 * @param newAccessToken a replacement access token that the caller must send back to the client,
 *     present only when verification confirmed a freshly rotated refresh token
 */
public record VerifiedSession(
    String sessionHandle,
    String userId,
    JsonObject accessTokenPayload,
    Optional<IssuedToken> newAccessToken) {}
