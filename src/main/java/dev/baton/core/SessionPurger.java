package dev.baton.core;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Deletes expired sessions and retired signing keys. Each batch is its own short transaction, so a
 * purge never holds many locks at once and two servers purging together merely share the work.
 */
@ApplicationScoped
public class SessionPurger {

  static final int BATCH_SIZE = 500;

  @Inject SessionTransactions transactions;
  @Inject KeyTransactions keys;

  /**
   * Purges until no expired session is left.
   *
   * @return how many sessions were deleted
   */
  public int purgeExpired() {
    int total = 0;
    int deleted;
    do {
      deleted = StoreFaults.translate(() -> transactions.purgeExpired(BATCH_SIZE));
      total += deleted;
    } while (deleted == BATCH_SIZE);
    StoreFaults.translate(keys::deleteRetiredKeys);
    return total;
  }
}
