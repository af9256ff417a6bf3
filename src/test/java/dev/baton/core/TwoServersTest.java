package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.TokenTheftDetected;
import dev.baton.api.exception.TokenTheftDetectedException;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.testing.Concurrently;
import dev.baton.testing.MutableClock;
import dev.baton.testing.StartState;
import dev.baton.testing.TestBaton;
import dev.baton.testing.TestDatabase;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Baton servers (two CDI containers, two key rings, two connection pools) on one database, as
 * behind a load balancer. Runs on H2, PostgreSQL and MariaDB with the rest of the engine suite.
 */
class TwoServersTest {

  private static TestDatabase database;
  private static TestBaton a;
  private static TestBaton b;
  private static StartState started;

  @BeforeAll
  static void start() {
    database = TestDatabase.create();
    MutableClock clock = new MutableClock(TestBaton.START);
    a = TestBaton.builder().database(database).clock(clock).start();
    b = TestBaton.builder().database(database).clock(clock).start();
    started = StartState.capture(a, b);
  }

  @BeforeEach
  void reset() {
    started.restore();
  }

  @AfterAll
  static void stop() {
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
    assertEquals(
        "alice",
        b.sessions().getSession(login.accessToken().value(), login.antiCsrfToken(), true).userId());
    SessionTokens refreshed = refresh(b.sessions(), login);
    assertTrue(
        a.sessions()
            .getSession(refreshed.accessToken().value(), refreshed.antiCsrfToken(), true)
            .newAccessToken()
            .isPresent(),
        "A confirms the token B rotated");
    refresh(a.sessions(), refreshed);
  }

  @Test
  void fiftyConcurrentRefreshesWithOneTokenOverBothServersLeaveOneLineage() throws Exception {
    SessionTokens login = a.sessions().createNewSession("alice", null, null);
    List<SessionTokens> children =
        Concurrently.run(
            50,
            i -> {
              SessionService server = i % 2 == 0 ? a.sessions() : b.sessions();
              return () -> refresh(server, login);
            });
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
