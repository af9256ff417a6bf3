package dev.baton.core;

import jakarta.json.JsonObject;

/**
 * What a transaction read from a session row, for use after it committed.
 *
 * @param handle the session handle
 * @param userId the user
 * @param accessTokenPayload the payload for the next access token
 */
record SessionSnapshot(String handle, String userId, JsonObject accessTokenPayload) {}
