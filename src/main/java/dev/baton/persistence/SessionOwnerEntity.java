package dev.baton.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The row that serialises one user's logins while a per-user session limit applies: a login locks
 * it before it counts the user's sessions, so that two servers never both see room for one more. It
 * holds the SHA-256 of the user id, never the id itself.
 */
@Entity
@Table(name = "baton_session_owner")
public class SessionOwnerEntity {

  @Id
  @Column(name = "owner_key", length = 64)
  private String ownerKey;

  /** For JPA. */
  protected SessionOwnerEntity() {}

  /**
   * Creates the row of one user.
   *
   * @param ownerKey the SHA-256 of the user id, hex
   */
  public SessionOwnerEntity(String ownerKey) {
    this.ownerKey = ownerKey;
  }
}
