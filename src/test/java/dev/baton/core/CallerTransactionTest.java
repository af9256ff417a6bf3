package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.exception.TokenTheftDetectedException;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.TestBaton;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Baton called from inside an application's own transaction: Baton's work commits on its own
 * ({@code REQUIRES_NEW}), so the caller rolling back undoes none of it, and the caller's open
 * transaction holds none of Baton's row locks.
 */
@BatonTest(beans = CallerTransactionTest.HostService.class)
class CallerTransactionTest {

  /** An application bean with the default {@code @Transactional}: REQUIRED, rolls back on error. */
  @ApplicationScoped
  @Transactional
  public static class HostService {
    @Inject SessionService sessions;

    /** Refreshes, letting a theft exception roll the caller's transaction back. */
    public SessionTokens refresh(SessionTokens tokens) {
      return sessions.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken());
    }

    /** Revokes, then fails. */
    public void revokeThenFail(String handle) {
      sessions.revokeSession(handle);
      throw new IllegalStateException("the caller's own work failed");
    }

    /** Runs more of the caller's work while its transaction is still open. */
    public <T> T thenWhileOpen(Runnable baton, Supplier<T> more) {
      baton.run();
      return more.get();
    }
  }

  private final TestBaton baton;
  private final SessionService sessions;
  private final HostService host;

  CallerTransactionTest(TestBaton baton) {
    this.baton = baton;
    sessions = baton.sessions();
    host = baton.bean(HostService.class);
  }

  @Test
  void aTheftRevocationCommitsEvenWhenTheCallersTransactionRollsBack() {
    SessionTokens stolen = sessions.createNewSession("alice", null, null);
    SessionTokens child = baton.refresh(stolen);
    SessionTokens grandchild = baton.refresh(child);

    assertThrows(TokenTheftDetectedException.class, () -> host.refresh(stolen));

    assertThrows(
        UnauthorisedException.class,
        () -> baton.refresh(grandchild),
        "the thief's newest token must be dead");
    assertTrue(sessions.getSessionInformation(stolen.sessionHandle()).isEmpty());
  }

  @Test
  void aRevokeInsideACallerTransactionThatRollsBackStaysRevoked() {
    SessionTokens tokens = sessions.createNewSession("bob", null, null);

    assertThrows(IllegalStateException.class, () -> host.revokeThenFail(tokens.sessionHandle()));

    assertThrows(UnauthorisedException.class, () -> baton.refresh(tokens));
  }

  @ParameterizedTest(name = "lock timeout {0}")
  @ValueSource(strings = {"PT5S", "PT0S"})
  void anOpenCallerTransactionHoldsNoRowLockOfBatons(String lockTimeout) {
    try (TestBaton other =
        TestBaton.builder()
            .beans(HostService.class)
            .config("session.lock-timeout", lockTimeout)
            .start()) {
      assertNoRowLockHeldForTheCaller(other.sessions(), other.bean(HostService.class));
    }
  }

  private static void assertNoRowLockHeldForTheCaller(SessionService sessions, HostService host) {
    SessionTokens tokens = sessions.createNewSession("carol", null, null);

    // The caller refreshes, and while its transaction is still open another request of the same
    // session refreshes too; a lock held until the caller commits would block it for good.
    boolean revokedMeanwhile =
        host.thenWhileOpen(
            () -> host.refresh(tokens),
            () -> {
              try {
                return CompletableFuture.supplyAsync(
                        () -> sessions.revokeSession(tokens.sessionHandle()))
                    .get(20, TimeUnit.SECONDS);
              } catch (Exception e) {
                throw new AssertionError("the other request could not take the row", e);
              }
            });

    assertEquals(true, revokedMeanwhile);
  }
}
