package example.host;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.VerifiedSession;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Host business logic in its own JTA transactions that call Baton and then fail: the usual Jakarta
 * EE shape in which a joined transaction would undo Baton's work.
 */
@ApplicationScoped
@Transactional
public class AccountService {

  @Inject SessionService sessions;
  @Resource TransactionSynchronizationRegistry transactions;

  /** Refreshes inside the host's transaction; a theft exception rolls that transaction back. */
  public SessionTokens refresh(String refreshToken) {
    requireTransaction();
    return sessions.refreshSession(refreshToken, null, false);
  }

  /** Revokes, then fails, so the host's transaction rolls back. */
  public void revokeThenFail(String sessionHandle) {
    requireTransaction();
    sessions.revokeSession(sessionHandle);
    throw new HostException(409, "revoked, then the host's transaction failed");
  }

  /** Refreshes and uses the new access token (a promotion) in one host transaction. */
  public VerifiedSession refreshAndUse(String refreshToken) {
    requireTransaction();
    SessionTokens tokens = sessions.refreshSession(refreshToken, null, false);
    return sessions.getSession(tokens.accessToken().value(), null, false);
  }

  private void requireTransaction() {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("the host's transaction is not active");
    }
  }
}
