package dev.baton.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row (id 1, inserted by the first migration) that every server locks before it creates
 * or re-wraps keys, so that servers which start or rotate together agree on one set of keys. It
 * records which key-encryption key wraps the key rows: one for all of them, or none.
 */
@Entity
@Table(name = "baton_keyring")
public class KeyringEntity {

  /** The id of the one row. */
  public static final int ID = 1;

  @Id
  @Column(name = "id")
  private int id;

  @Column(name = "key_encryption_key_id", length = 32)
  private String keyEncryptionKeyId;

  /** For JPA. */
  protected KeyringEntity() {}

  /**
   * The id of the key-encryption key that wraps every private signing key and refresh-token key.
   *
   * @return the id, or {@code null} while the keys are stored in clear
   */
  public String keyEncryptionKeyId() {
    return keyEncryptionKeyId;
  }

  /**
   * Records that every key row is now wrapped with another key-encryption key, or none.
   *
   * @param id the key-encryption key's id, or {@code null} for clear storage
   */
  public void keyEncryptionKeyId(String id) {
    this.keyEncryptionKeyId = id;
  }
}
