package dev.baton.core;

import dev.baton.api.SessionRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Deletes expired sessions and retired keys. Each batch is its own short transaction, so a purge
 * never holds many locks at once and two servers purging together merely share the work; the
 * sessions of a batch are announced ({@code SessionRevoked}, idle or absolute timeout) once it has
 * committed, each by the one server that deleted it.
 */
@ApplicationScoped
public class SessionPurger {

  static final int BATCH_SIZE = 500;

  @Inject SessionTransactions transactions;
  @Inject KeyTransactions keys;
  @Inject SessionEvents events;

  /**
   * Purges until no expired session is left.
   *
   * @return how many sessions were deleted
   */
  public int purgeExpired() {
    int total = 0;
    int deleted;
    do {
      List<SessionRevoked> ended =
          StoreFaults.translate(() -> transactions.purgeExpired(BATCH_SIZE));
      ended.forEach(s -> events.revoked(s.sessionHandle(), s.userId(), s.reason()));
      deleted = ended.size();
      total += deleted;
    } while (deleted == BATCH_SIZE);
    StoreFaults.translate(keys::deleteRetiredKeys);
    return total;
  }
}
