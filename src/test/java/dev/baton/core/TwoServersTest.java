package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.TokenTheftDetected;
import dev.baton.api.exception.TokenTheftDetectedException;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.testing.MutableClock;
import dev.baton.testing.TestBaton;
import dev.baton.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Baton servers (two CDI containers, two key rings, two connection pools) on one database, as
 * behind a load balancer. Runs on H2, PostgreSQL and MariaDB with the rest of the engine suite.
 */
class TwoServersTest {

  private TestDatabase database;
  private TestBaton a;
  private TestBaton b;

  @BeforeEach
  void start() {
    database = TestDatabase.create();
    MutableClock clock = new MutableClock(TestBaton.START);
    a = TestBaton.builder().database(database).clock(clock).start();
    b = TestBaton.builder().database(database).clock(clock).start();
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    database.close();
  }

  private static SessionTokens refresh(SessionService server, SessionTokens tokens) {
    return server.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken());
  }

  @Test
  void logInOnACallOnBRefreshOnBCallOnA() {
    SessionTokens login = a.sessions().createNewSession("alice", null, null);
    assertEquals("alice", b.sessions().getSession(login.accessToken().value(),
        login.antiCsrfToken(), true).userId());
    SessionTokens refreshed = refresh(b.sessions(), login);
    assertTrue(a.sessions().getSession(refreshed.accessToken().value(), refreshed.antiCsrfToken(),
        true).newAccessToken().isPresent(), "A confirms the token B rotated");
    refresh(a.sessions(), refreshed);
  }

  @Test
  void fiftyConcurrentRefreshesWithOneTokenOverBothServersLeaveOneLineage() throws Exception {
    SessionTokens login = a.sessions().createNewSession("alice", null, null);
    ExecutorService pool = Executors.newFixedThreadPool(50);
    List<SessionTokens> children = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<SessionTokens>> futures = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        SessionService server = i % 2 == 0 ? a.sessions() : b.sessions();
        futures.add(pool.submit(() -> {
          go.await();
          return refresh(server, login);
        }));
      }
      go.countDown();
      for (Future<SessionTokens> future : futures) {
        children.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }
    Set<String> distinct = new HashSet<>();
    children.forEach(c -> distinct.add(c.refreshToken().value()));
    assertEquals(50, distinct.size());
    assertTrue(a.events().of(TokenTheftDetected.class).isEmpty());
    assertTrue(b.events().of(TokenTheftDetected.class).isEmpty());

    // The client keeps one response; its lineage goes on, every other child is now stale.
    SessionTokens kept = children.get(17);
    SessionTokens next = refresh(b.sessions(), kept);
    assertThrows(TokenTheftDetectedException.class, () -> refresh(a.sessions(), children.get(3)));
    assertThrows(UnauthorisedException.class, () -> refresh(a.sessions(), next));
  }

  @Test
  void theftIsDetectedOnBForATokenRotatedOnA() {
    SessionTokens login = a.sessions().createNewSession("alice", null, null);
    SessionTokens r1 = refresh(a.sessions(), login);
    refresh(a.sessions(), r1);
    TokenTheftDetectedException theft =
        assertThrows(TokenTheftDetectedException.class, () -> refresh(b.sessions(), login));
    assertEquals(login.sessionHandle(), theft.sessionHandle().orElseThrow());
    assertEquals(1, b.events().of(TokenTheftDetected.class).size());
    assertThrows(UnauthorisedException.class, () -> refresh(a.sessions(), r1));
  }

  @Test
  void revokingOnOneServerEndsTheSessionOnTheOther() {
    SessionTokens login = a.sessions().createNewSession("alice", null, null);
    assertTrue(b.sessions().revokeSession(login.sessionHandle()));
    assertThrows(UnauthorisedException.class, () -> refresh(a.sessions(), login));
  }
}
