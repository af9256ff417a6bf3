package dev.baton.api;

/**
 * CDI event fired after a refresh token was exchanged for a new token set.
 *
 * @param sessionHandle the refreshed session
 * @param userId its user
 */
public record SessionRefreshed(String sessionHandle, String userId) {}
