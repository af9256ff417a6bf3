package dev.baton.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;

/** Reads and writes signing keys and the keyring row; callers run it inside a transaction. */
@ApplicationScoped
public class KeyRepository {

  @Inject @BatonDatabase EntityManager entityManager;

  /**
   * Locks the keyring row, which serialises key creation across servers.
   *
   * @return the locked row
   */
  public KeyringEntity lockKeyring() {
    KeyringEntity keyring =
        entityManager.find(KeyringEntity.class, KeyringEntity.ID, LockModeType.PESSIMISTIC_WRITE);
    if (keyring == null) {
      throw new IllegalStateException("baton_keyring has no row: the schema was not migrated");
    }
    return keyring;
  }

  /**
   * Reads the keyring row without locking it.
   *
   * @return the row
   */
  public KeyringEntity keyring() {
    return entityManager.find(KeyringEntity.class, KeyringEntity.ID);
  }

  /**
   * Lists the keys that still verify tokens, newest first.
   *
   * @param retiredBeforeMillis keys that stopped signing before this instant are left out
   * @return the keys
   */
  public List<SigningKeyEntity> usableKeys(long retiredBeforeMillis) {
    return entityManager
        .createNamedQuery("SigningKeyEntity.usableAt", SigningKeyEntity.class)
        .setParameter("retiredBefore", retiredBeforeMillis)
        .getResultList();
  }

  /**
   * Lists the refresh-token keys that still open tokens, the one that seals longest first.
   *
   * @param retiredBeforeMillis keys that stopped sealing before this instant are left out
   * @return the keys
   */
  public List<RefreshKeyEntity> usableRefreshKeys(long retiredBeforeMillis) {
    return entityManager
        .createNamedQuery("RefreshKeyEntity.usableAt", RefreshKeyEntity.class)
        .setParameter("retiredBefore", retiredBeforeMillis)
        .getResultList();
  }

  /**
   * The highest refresh-token key version ever stored and not yet deleted.
   *
   * @return the version, or 0 when there is none
   */
  public int newestRefreshKeyVersion() {
    Integer newest =
        entityManager
            .createNamedQuery("RefreshKeyEntity.newestVersion", Integer.class)
            .getSingleResult();
    return newest == null ? 0 : newest;
  }

  /**
   * Stores a new key.
   *
   * @param key the row: a {@link SigningKeyEntity} or a {@link RefreshKeyEntity}
   */
  public void insert(Object key) {
    entityManager.persist(key);
  }

  /**
   * Deletes signing keys that can no longer have a valid token to verify.
   *
   * @param retiredBeforeMillis keys that stopped signing before this instant go
   * @return how many were deleted
   */
  public int deleteRetired(long retiredBeforeMillis) {
    return entityManager
        .createNamedQuery("SigningKeyEntity.deleteRetired")
        .setParameter("retiredBefore", retiredBeforeMillis)
        .executeUpdate();
  }

  /**
   * Deletes refresh-token keys that can no longer have a live token to open.
   *
   * @param retiredBeforeMillis keys that stopped sealing before this instant go
   * @return how many were deleted
   */
  public int deleteRetiredRefreshKeys(long retiredBeforeMillis) {
    return entityManager
        .createNamedQuery("RefreshKeyEntity.deleteRetired")
        .setParameter("retiredBefore", retiredBeforeMillis)
        .executeUpdate();
  }
}
