package dev.baton.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An RS256 key pair that signs access tokens from {@code signFrom} until {@code signUntil} and
 * verifies them until the last one has expired. It is created, and published, before it signs.
 * Shared through the database by every server.
 */
@Entity
@Table(name = "baton_signing_key")
@NamedQuery(
    name = "SigningKeyEntity.usableAt",
    query =
        "select k from SigningKeyEntity k where k.signUntil > :retiredBefore"
            + " order by k.signUntil desc")
@NamedQuery(
    name = "SigningKeyEntity.deleteRetired",
    query = "delete from SigningKeyEntity k where k.signUntil <= :retiredBefore")
public class SigningKeyEntity {

  @Id
  @Column(name = "kid", length = 64)
  private String kid;

  @Column(name = "algorithm", nullable = false, length = 16)
  private String algorithm;

  @Column(name = "public_key", nullable = false, length = 2048)
  private String publicKey;

  @Column(name = "private_key", nullable = false, length = 4096)
  private String privateKey;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "sign_from", nullable = false)
  private long signFrom;

  @Column(name = "sign_until", nullable = false)
  private long signUntil;

  /** For JPA. */
  protected SigningKeyEntity() {}

  /**
   * Creates a key row.
   *
   * @param kid the key id put in token headers
   * @param algorithm the JWS algorithm, {@code RS256}
   * @param publicKey base64 of the X.509 encoding
   * @param privateKey base64 of the PKCS#8 encoding, or that encoding wrapped
   * @param createdAt epoch milliseconds
   * @param signFrom epoch milliseconds from which the key signs
   * @param signUntil epoch milliseconds after which the key only verifies
   */
  public SigningKeyEntity(
      String kid,
      String algorithm,
      String publicKey,
      String privateKey,
      long createdAt,
      long signFrom,
      long signUntil) {
    this.kid = kid;
    this.algorithm = algorithm;
    this.publicKey = publicKey;
    this.privateKey = privateKey;
    this.createdAt = createdAt;
    this.signFrom = signFrom;
    this.signUntil = signUntil;
  }

  public String kid() {
    return kid;
  }

  public String algorithm() {
    return algorithm;
  }

  public String publicKey() {
    return publicKey;
  }

  /**
   * The private key as stored: base64 of the PKCS#8 encoding, or that encoding wrapped (see {@link
   * KeyringEntity#keyEncryptionKeyId()}).
   *
   * @return the stored form
   */
  public String privateKey() {
    return privateKey;
  }

  /**
   * Replaces the stored form of the private key (wrapped under another key-encryption key).
   *
   * @param stored the new stored form of the same key
   */
  public void privateKey(String stored) {
    this.privateKey = stored;
  }

  public long createdAt() {
    return createdAt;
  }

  public long signFrom() {
    return signFrom;
  }

  public long signUntil() {
    return signUntil;
  }
}
