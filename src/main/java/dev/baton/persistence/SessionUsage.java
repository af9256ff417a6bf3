package dev.baton.persistence;

/**
 * What a login under a per-user limit needs of each of the user's live sessions: which one was used
 * least recently. A projection, so that counting loads no session's data.
 *
 * @param handle the session handle
 * @param createdAt epoch milliseconds of its login
 * @param refreshedAt epoch milliseconds of its last refresh, or null before the first
 */
public record SessionUsage(String handle, long createdAt, Long refreshedAt) {

  /**
   * When the session was last refreshed, or its login: the order of eviction.
   *
   * @return epoch milliseconds
   */
  public long lastUsedAt() {
    return refreshedAt == null ? createdAt : refreshedAt;
  }
}
