package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.TokenTheftDetected;
import dev.baton.api.exception.SessionStoreUnavailableException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.InjectedFaults;
import dev.baton.testing.TestBaton;
import org.junit.jupiter.api.Test;

/**
 * Serialization failures and deadlocks, raised by the database itself from a trigger on the session
 * table: retried as a whole transaction, and past the last attempt answered as a server fault with
 * nothing lost. Never a logout, never a theft. Runs on H2, PostgreSQL and MariaDB.
 */
@BatonTest
class InjectedFaultTest {

  private final TestBaton baton;
  private final SessionService sessions;

  InjectedFaultTest(TestBaton baton) {
    this.baton = baton;
    sessions = baton.sessions();
  }

  @Test
  void serializationFailureOnRefreshIsRetriedAndTheRefreshSucceeds() throws Exception {
    SessionTokens child = baton.refresh(sessions.createNewSession("alice", null, null));
    try (InjectedFaults faults = InjectedFaults.failSessionUpdates(baton.database(), "40001", 1)) {
      SessionTokens grandchild = baton.refresh(child);
      assertEquals(2, faults.fired(), "one failed attempt, then the retry");
      assertEquals(
          "alice", sessions.getSession(grandchild.accessToken().value(), null, false).userId());
      baton.refresh(grandchild);
      assertTrue(baton.events().of(TokenTheftDetected.class).isEmpty());
    }
  }

  @Test
  void serializationFailureOnPromotionIsRetriedAndTheCallSucceeds() throws Exception {
    SessionTokens child = baton.refresh(sessions.createNewSession("alice", null, null));
    try (InjectedFaults faults = InjectedFaults.failSessionUpdates(baton.database(), "40001", 1)) {
      assertTrue(
          sessions
              .getSession(child.accessToken().value(), null, false)
              .newAccessToken()
              .isPresent());
      assertEquals(2, faults.fired());
    }
  }

  @Test
  void deadlockOnEveryAttemptIsUnavailableAndTheSameTokenWorksAfterwards() throws Exception {
    SessionTokens child = baton.refresh(sessions.createNewSession("alice", null, null));
    String deadlock = baton.database().kind().equals("postgresql") ? "40P01" : "40001";
    try (InjectedFaults faults =
        InjectedFaults.failSessionUpdates(baton.database(), deadlock, Integer.MAX_VALUE)) {
      assertThrows(SessionStoreUnavailableException.class, () -> baton.refresh(child));
      assertEquals(StoreFaults.ATTEMPTS, faults.fired());
      faults.remove();

      SessionTokens grandchild = baton.refresh(child);
      assertEquals(
          "alice", sessions.getSession(grandchild.accessToken().value(), null, false).userId());
      assertTrue(baton.events().of(TokenTheftDetected.class).isEmpty());
    }
  }
}
