package dev.baton.core;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * What a transaction read from a session row, for use after it committed.
 *
 * @param handle the session handle
 * @param userId the user
 * @param accessTokenPayload the payload for the next access token
 * @param createdAt when the session was created, from which its absolute lifetime counts
 * @param expiresAt when it ends as the row says, after the transaction's changes
 * @param authTime when its user last authenticated
 */
record SessionSnapshot(
    String handle,
    String userId,
    JsonObject accessTokenPayload,
    Instant createdAt,
    Instant expiresAt,
    Instant authTime) {}
