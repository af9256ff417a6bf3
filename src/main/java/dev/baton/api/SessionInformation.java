package dev.baton.api;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * What the database knows about a live session.
 *
 * @param sessionHandle the session's stable identifier
 * @param userId the user the session belongs to
 * @param sessionData server-side data that never leaves the server
 * @param accessTokenPayload the claims that the next access token will carry
 * @param createdAt when the session was created (the login)
 * @param expiresAt when the session ends unless it is refreshed before
 * @param authenticatedAt when the user last authenticated: the login, or a later re-authentication
 * @param refreshedAt when the session was last refreshed; empty before its first refresh
 * @param device where the session was started, its address in the stored form
 */
public record SessionInformation(
    String sessionHandle,
    String userId,
    JsonObject sessionData,
    JsonObject accessTokenPayload,
    Instant createdAt,
    Instant expiresAt,
    Instant authenticatedAt,
    Optional<Instant> refreshedAt,
    SessionDevice device) {}
