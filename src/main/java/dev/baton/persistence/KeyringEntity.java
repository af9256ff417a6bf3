package dev.baton.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row (id 1, inserted by the first migration) that holds the refresh-token encryption
 * key. Locking it serialises key creation, so servers that start together on an empty database
 * agree on one set of keys.
 */
@Entity
@Table(name = "baton_keyring")
public class KeyringEntity {

  /** The id of the one row. */
  public static final int ID = 1;

  @Id
  @Column(name = "id")
  private int id;

  @Column(name = "refresh_token_key", length = 64)
  private String refreshTokenKey;

  /** For JPA. */
  protected KeyringEntity() {}

  /**
   * The AES key that seals refresh tokens, base64, or {@code null} before the first start.
   *
   * @return the key
   */
  public String refreshTokenKey() {
    return refreshTokenKey;
  }

  /**
   * Stores the refresh-token key; done once.
   *
   * @param base64Key the key, base64
   */
  public void refreshTokenKey(String base64Key) {
    this.refreshTokenKey = base64Key;
  }
}
