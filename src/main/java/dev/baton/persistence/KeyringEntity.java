package dev.baton.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row (id 1, inserted by the first migration) that every server locks before it creates
 * keys, so that servers which start or rotate together agree on one set of keys.
 */
@Entity
@Table(name = "baton_keyring")
public class KeyringEntity {

  /** The id of the one row. */
  public static final int ID = 1;

  @Id
  @Column(name = "id")
  private int id;

  /** For JPA. */
  protected KeyringEntity() {}
}
