package dev.baton.api;

/**
 * CDI event fired when an outdated refresh token was presented: the session has been revoked and
 * the application may want to alert the user or revoke their other sessions.
 *
 * @param sessionHandle the revoked session
 * @param userId its user
 */
public record TokenTheftDetected(String sessionHandle, String userId) {}
