package dev.baton.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An AES-256 key that seals refresh tokens from {@code sealFrom} until {@code sealUntil}, and opens
 * them until the last one it sealed is dead. Tokens name it by its version. Shared through the
 * database by every server.
 */
@Entity
@Table(name = "baton_refresh_key")
@NamedQuery(
    name = "RefreshKeyEntity.usableAt",
    query =
        "select k from RefreshKeyEntity k where k.sealUntil > :retiredBefore"
            + " order by k.sealUntil desc")
@NamedQuery(
    name = "RefreshKeyEntity.deleteRetired",
    query = "delete from RefreshKeyEntity k where k.sealUntil <= :retiredBefore")
@NamedQuery(
    name = "RefreshKeyEntity.newestVersion",
    query = "select max(k.version) from RefreshKeyEntity k")
public class RefreshKeyEntity {

  @Id
  @Column(name = "version")
  private int version;

  @Column(name = "secret", nullable = false, length = 256)
  private String secret;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "seal_from", nullable = false)
  private long sealFrom;

  @Column(name = "seal_until", nullable = false)
  private long sealUntil;

  /** For JPA. */
  protected RefreshKeyEntity() {}

  /**
   * Creates a key row.
   *
   * @param version the number tokens name the key by
   * @param secret the key as stored: base64, or wrapped (see {@code KeyringEntity})
   * @param createdAt epoch milliseconds
   * @param sealFrom epoch milliseconds from which the key seals
   * @param sealUntil epoch milliseconds after which the key only opens
   */
  public RefreshKeyEntity(
      int version, String secret, long createdAt, long sealFrom, long sealUntil) {
    this.version = version;
    this.secret = secret;
    this.createdAt = createdAt;
    this.sealFrom = sealFrom;
    this.sealUntil = sealUntil;
  }

  public int version() {
    return version;
  }

  public String secret() {
    return secret;
  }

  /**
   * Replaces the stored form of the key (wrapped under another key-encryption key).
   *
   * @param stored the new stored form of the same key
   */
  public void secret(String stored) {
    this.secret = stored;
  }

  public long createdAt() {
    return createdAt;
  }

  public long sealFrom() {
    return sealFrom;
  }

  public long sealUntil() {
    return sealUntil;
  }
}
