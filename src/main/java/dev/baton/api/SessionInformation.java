package dev.baton.api;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * What the database knows about a live session.
 *
 * @param sessionHandle the session's stable identifier
 * @param userId the user the session belongs to
 * @param sessionData server-side data that never leaves the server
 * @param accessTokenPayload the claims that the next access token will carry
 * @param createdAt when the session was created
 * @param expiresAt when the session ends unless it is refreshed before
 */
public record SessionInformation(
    String sessionHandle,
    String userId,
    JsonObject sessionData,
    JsonObject accessTokenPayload,
    Instant createdAt,
    Instant expiresAt) {}
