package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.TokenTheftDetected;
import dev.baton.api.exception.SessionStoreUnavailableException;
import dev.baton.health.ApplicationLivenessCheck;
import dev.baton.health.SessionStoreReadinessCheck;
import dev.baton.testing.CuttableProxy;
import dev.baton.testing.TestBaton;
import dev.baton.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database outage is a server fault: answered as {@link SessionStoreUnavailableException}, never
 * as a missing session or a theft, and nothing is lost. Baton talks to the local PostgreSQL through
 * a TCP proxy that the tests cut and restore, and the pool is exhausted by holding all of its
 * connections. ({@link InjectedFaultTest} has the faults that the database raises itself.)
 */
class DatabaseFaultTest {

  private CuttableProxy proxy;
  private TestDatabase database;
  private TestBaton baton;
  private SessionService sessions;

  @BeforeEach
  void start() throws Exception {
    proxy = new CuttableProxy(5432);
    database = TestDatabase.postgresqlThrough(proxy.port());
    baton = TestBaton.builder().database(database).start();
    sessions = baton.sessions();
  }

  @AfterEach
  void stop() throws Exception {
    proxy.restore();
    baton.close();
    database.close();
    proxy.close();
  }

  @Test
  void refreshDuringAnOutageIsUnavailableAndTheSameTokenWorksOnceTheDatabaseIsBack()
      throws Exception {
    SessionTokens tokens = sessions.createNewSession("alice", null, null);
    proxy.cut();
    assertThrows(
        SessionStoreUnavailableException.class,
        () -> sessions.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken()));
    restoreDatabase();

    SessionTokens refreshed =
        sessions.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken());
    assertEquals(
        "alice", sessions.getSession(refreshed.accessToken().value(), null, false).userId());
    assertTrue(baton.events().of(TokenTheftDetected.class).isEmpty());
  }

  @Test
  void verifyingAnAccessTokenNeedsNoDatabase() throws Exception {
    SessionTokens tokens = sessions.createNewSession("alice", null, null);
    proxy.cut();
    assertEquals(
        "alice",
        sessions.getSession(tokens.accessToken().value(), tokens.antiCsrfToken(), true).userId());
  }

  @Test
  void confirmingARotatedTokenDuringAnOutageIsUnavailableAndSucceedsLater() throws Exception {
    SessionTokens refreshed =
        sessions.refreshSession(
            sessions.createNewSession("alice", null, null).refreshToken().value(), null, false);
    proxy.cut();
    assertThrows(
        SessionStoreUnavailableException.class,
        () -> sessions.getSession(refreshed.accessToken().value(), null, false));
    restoreDatabase();
    assertTrue(
        sessions
            .getSession(refreshed.accessToken().value(), null, false)
            .newAccessToken()
            .isPresent());
  }

  @Test
  void tokenSignedWithAKeyThisServerHasNotSeenDuringAnOutageIsUnavailableNotALogout()
      throws Exception {
    try (TestBaton other = TestBaton.builder().database(database).clock(baton.clock()).start()) {
      baton.clock().advance(Duration.ofDays(7));
      SessionTokens rotatedOnOther = other.sessions().createNewSession("alice", null, null);
      proxy.cut();
      assertThrows(
          SessionStoreUnavailableException.class,
          () -> sessions.getSession(rotatedOnOther.accessToken().value(), null, false));
      restoreDatabase();
      assertEquals(
          "alice", sessions.getSession(rotatedOnOther.accessToken().value(), null, false).userId());
    }
  }

  @Test
  void readinessFollowsTheDatabaseWhileLivenessDoesNot() throws Exception {
    SessionStoreReadinessCheck readiness =
        baton.bean(SessionStoreReadinessCheck.class, Readiness.Literal.INSTANCE);
    ApplicationLivenessCheck liveness =
        baton.bean(ApplicationLivenessCheck.class, Liveness.Literal.INSTANCE);
    assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
    proxy.cut();
    assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());
    assertEquals(HealthCheckResponse.Status.UP, liveness.call().getStatus());
    restoreDatabase();
    assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
  }

  @Test
  void sessionManagementDuringAnOutageIsUnavailable() throws Exception {
    SessionTokens tokens = sessions.createNewSession("alice", null, null);
    proxy.cut();
    assertThrows(
        SessionStoreUnavailableException.class, () -> sessions.createNewSession("bob", null, null));
    assertThrows(
        SessionStoreUnavailableException.class,
        () -> sessions.revokeSession(tokens.sessionHandle()));
    assertThrows(
        SessionStoreUnavailableException.class,
        () -> sessions.getAllSessionHandlesForUser("alice"));
    restoreDatabase();
    assertEquals(1, sessions.getAllSessionHandlesForUser("alice").size());
  }

  @Test
  void exhaustedConnectionPoolIsUnavailableAndNotALogout() throws Exception {
    SessionTokens child = baton.refresh(sessions.createNewSession("alice", null, null));
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < TestDatabase.POOL_SIZE; i++) {
        held.add(database.dataSource().getConnection());
      }
      long started = System.nanoTime();
      assertThrows(SessionStoreUnavailableException.class, () -> baton.refresh(child));
      Duration waited = Duration.ofNanos(System.nanoTime() - started);
      // One wait for the pool (1 s in this test), not one per attempt.
      assertTrue(
          waited.compareTo(Duration.ofSeconds(StoreFaults.ATTEMPTS - 1)) < 0,
          "gave up after " + waited);
      assertThrows(
          SessionStoreUnavailableException.class,
          () -> sessions.getSession(child.accessToken().value(), null, false));
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
    assertEquals(
        "alice",
        sessions.getSession(baton.refresh(child).accessToken().value(), null, false).userId());
    assertTrue(baton.events().of(TokenTheftDetected.class).isEmpty());
  }

  /**
   * Restores the connection and waits until the pool has one again, as a load balancer waits for
   * readiness: the test pool reconnects in the background, and until it has, a request is answered
   * unavailable (a pool timeout is not retried).
   */
  private void restoreDatabase() throws Exception {
    proxy.restore();
    SessionStoreReadinessCheck readiness =
        baton.bean(SessionStoreReadinessCheck.class, Readiness.Literal.INSTANCE);
    for (int attempt = 0;
        attempt < 50 && readiness.call().getStatus() != HealthCheckResponse.Status.UP;
        attempt++) {
      Thread.sleep(100);
    }
  }
}
