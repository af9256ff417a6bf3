package dev.baton.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One live session. It holds the double hash of the current parent refresh token, never a token.
 */
@Entity
@Table(name = "baton_session")
@NamedQuery(
    name = "SessionEntity.byHandle",
    query = "select s from SessionEntity s where s.handle = :handle")
@NamedQuery(
    name = "SessionEntity.liveHandlesOfUser",
    query =
        "select s.handle from SessionEntity s where s.userId = :userId and s.expiresAt > :now"
            + " order by s.createdAt")
@NamedQuery(
    name = "SessionEntity.liveOfUser",
    query =
        "select s from SessionEntity s where s.userId = :userId and s.expiresAt > :now"
            + " order by s.createdAt desc, s.handle")
@NamedQuery(
    name = "SessionEntity.usageOfUser",
    query =
        "select new dev.baton.persistence.SessionUsage(s.handle, s.createdAt, s.refreshedAt)"
            + " from SessionEntity s where s.userId = :userId and s.expiresAt > :now")
@NamedQuery(
    name = "SessionEntity.handlesOfUserExcept",
    query = "select s.handle from SessionEntity s where s.userId = :userId and s.handle <> :kept")
@NamedQuery(
    name = "SessionEntity.handlesOfUser",
    query = "select s.handle from SessionEntity s where s.userId = :userId")
@NamedQuery(
    name = "SessionEntity.expired",
    query =
        "select new dev.baton.persistence.ExpiredSession(s.handle, s.userId, s.createdAt,"
            + " s.expiresAt) from SessionEntity s where s.expiresAt <= :now")
@NamedQuery(
    name = "SessionEntity.remainingOf",
    query = "select s.handle from SessionEntity s where s.handle in :handles")
@NamedQuery(
    name = "SessionEntity.deleteByHandles",
    query = "delete from SessionEntity s where s.handle in :handles")
@NamedQuery(
    name = "SessionEntity.deleteExpiredByHandles",
    query = "delete from SessionEntity s where s.handle in :handles and s.expiresAt <= :now")
public class SessionEntity {

  @Id
  @Column(name = "handle", length = 36)
  private String handle;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(name = "refresh_token_hash2", nullable = false, length = 64)
  private String refreshTokenHash2;

  @Column(name = "session_data", nullable = false)
  private String sessionData;

  @Column(name = "access_token_payload", nullable = false)
  private String accessTokenPayload;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "expires_at", nullable = false)
  private long expiresAt;

  @Column(name = "auth_time", nullable = false)
  private long authTime;

  @Column(name = "refreshed_at")
  private Long refreshedAt;

  @Column(name = "user_agent", length = 256)
  private String userAgent;

  @Column(name = "client_address", length = 80)
  private String clientAddress;

  @Column(name = "device_name", length = 100)
  private String deviceName;

  /** For JPA. */
  protected SessionEntity() {}

  /**
   * Creates a session row.
   *
   * @param handle the session handle
   * @param userId the user
   * @param refreshTokenHash2 sha256(sha256(first refresh token)), hex
   * @param sessionData server-side data as JSON text
   * @param accessTokenPayload access-token payload as JSON text
   * @param createdAt epoch milliseconds
   * @param expiresAt epoch milliseconds
   */
  public SessionEntity(
      String handle,
      String userId,
      String refreshTokenHash2,
      String sessionData,
      String accessTokenPayload,
      long createdAt,
      long expiresAt) {
    this.handle = handle;
    this.userId = userId;
    this.refreshTokenHash2 = refreshTokenHash2;
    this.sessionData = sessionData;
    this.accessTokenPayload = accessTokenPayload;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    // The login that creates a session is its first authentication.
    this.authTime = createdAt;
  }

  /**
   * Makes a child refresh token the current parent and extends the session.
   *
   * @param newRefreshTokenHash2 the child's double hash
   * @param newExpiresAt epoch milliseconds
   * @param now epoch milliseconds: the session's last refresh
   */
  public void promote(String newRefreshTokenHash2, long newExpiresAt, long now) {
    this.refreshTokenHash2 = newRefreshTokenHash2;
    this.expiresAt = newExpiresAt;
    this.refreshedAt = now;
  }

  /**
   * Records the device the session was started from; values are stored as given.
   *
   * @param userAgent the browser's {@code User-Agent}, or null
   * @param clientAddress the address in the configured stored form, or null
   * @param deviceName a name the application gave the device, or null
   */
  public void device(String userAgent, String clientAddress, String deviceName) {
    this.userAgent = userAgent;
    this.clientAddress = clientAddress;
    this.deviceName = deviceName;
  }

  /**
   * Names the session's device.
   *
   * @param name the name, or null to remove it
   */
  public void deviceName(String name) {
    this.deviceName = name;
  }

  /**
   * When the session was last refreshed.
   *
   * @return epoch milliseconds, or null before its first refresh
   */
  public Long refreshedAt() {
    return refreshedAt;
  }

  public String userAgent() {
    return userAgent;
  }

  public String clientAddress() {
    return clientAddress;
  }

  public String deviceName() {
    return deviceName;
  }

  public String handle() {
    return handle;
  }

  public String userId() {
    return userId;
  }

  public String refreshTokenHash2() {
    return refreshTokenHash2;
  }

  public String sessionData() {
    return sessionData;
  }

  public void sessionData(String json) {
    this.sessionData = json;
  }

  public String accessTokenPayload() {
    return accessTokenPayload;
  }

  public void accessTokenPayload(String json) {
    this.accessTokenPayload = json;
  }

  public long createdAt() {
    return createdAt;
  }

  /**
   * When the user last authenticated: the login, or a re-authentication recorded later.
   *
   * @return epoch milliseconds
   */
  public long authTime() {
    return authTime;
  }

  /**
   * Records that the user authenticated again.
   *
   * @param at epoch milliseconds
   */
  public void authenticated(long at) {
    this.authTime = at;
  }

  public long expiresAt() {
    return expiresAt;
  }

  /**
   * Whether the session is still alive at the given time.
   *
   * @param nowMillis epoch milliseconds
   * @return true before its expiry
   */
  public boolean isLiveAt(long nowMillis) {
    return nowMillis < expiresAt;
  }
}
