package dev.baton.persistence;

/**
 * What the purge needs of a session it deleted: who it was, and enough to say why it ended.
 *
 * @param handle the session handle
 * @param userId its user
 * @param createdAt epoch milliseconds of its login
 * @param expiresAt epoch milliseconds of its end
 */
public record ExpiredSession(String handle, String userId, long createdAt, long expiresAt) {}
