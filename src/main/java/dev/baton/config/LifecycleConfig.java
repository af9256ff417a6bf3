package dev.baton.config;

/**
 * How many sessions a user may hold and what Baton keeps of the devices they come from.
 *
 * @param maxSessionsPerUser {@code session.max-sessions-per-user}: the most live sessions one user
 *     may hold, default 0 (no limit)
 * @param limitPolicy {@code session.max-sessions-per-user.policy}: what a login beyond the limit
 *     does, default {@code EVICT_LEAST_RECENTLY_USED}
 * @param clientAddress {@code session.client-address}: how a session's client address is stored,
 *     default {@code TRUNCATED}
 */
public record LifecycleConfig(
    int maxSessionsPerUser, SessionLimitPolicy limitPolicy, ClientAddressStorage clientAddress) {

  /**
   * Whether logins count a user's sessions.
   *
   * @return true when {@code maxSessionsPerUser} is above 0
   */
  public boolean limitsSessions() {
    return maxSessionsPerUser > 0;
  }

  /** What a login does when its user already holds the most sessions allowed. */
  public enum SessionLimitPolicy {
    /**
     * The session used least recently (last refreshed, or logged in) ends with reason {@code
     * EVICTED}, and the login succeeds: Keycloak's "terminate oldest session".
     */
    EVICT_LEAST_RECENTLY_USED,
    /** The login is refused with 409 and the existing sessions stay. */
    REFUSE
  }

  /**
   * How a client address is kept. An address is personal data (GDPR recital 30): the default keeps
   * only the network, enough to tell "home" from "abroad" in a list of devices.
   */
  public enum ClientAddressStorage {
    /** IPv4 to its /24 network, IPv6 to its /48: {@code 203.0.113.0/24}. */
    TRUNCATED,
    /**
     * {@code sha256:} and the hex SHA-256 of the user id and the address: equal addresses of one
     * user compare equal, and nothing shows the address. It is pseudonymous, not anonymous: the
     * IPv4 space is small enough to search.
     */
    HASHED,
    /** The whole address. */
    FULL,
    /** Nothing. */
    NONE
  }
}
