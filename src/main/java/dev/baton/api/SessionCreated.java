package dev.baton.api;

/**
 * CDI event fired after a new session is stored.
 *
 * @param sessionHandle the new session
 * @param userId its user
 */
public record SessionCreated(String sessionHandle, String userId) {}
