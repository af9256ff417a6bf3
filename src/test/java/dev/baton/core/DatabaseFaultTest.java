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
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database outage is a server fault: answered as {@link SessionStoreUnavailableException}, never
 * as a missing session or a theft, and nothing is lost. Baton talks to the local PostgreSQL through
 * a TCP proxy that the tests cut and restore.
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
    assertThrows(SessionStoreUnavailableException.class, () ->
        sessions.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken()));
    proxy.restore();

    SessionTokens refreshed =
        sessions.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken());
    assertEquals("alice", sessions.getSession(refreshed.accessToken().value(), null, false)
        .userId());
    assertTrue(baton.events().of(TokenTheftDetected.class).isEmpty());
  }

  @Test
  void verifyingAnAccessTokenNeedsNoDatabase() throws Exception {
    SessionTokens tokens = sessions.createNewSession("alice", null, null);
    proxy.cut();
    assertEquals("alice",
        sessions.getSession(tokens.accessToken().value(), tokens.antiCsrfToken(), true).userId());
  }

  @Test
  void confirmingARotatedTokenDuringAnOutageIsUnavailableAndSucceedsLater() throws Exception {
    SessionTokens refreshed = sessions.refreshSession(
        sessions.createNewSession("alice", null, null).refreshToken().value(),
        null, false);
    proxy.cut();
    assertThrows(SessionStoreUnavailableException.class,
        () -> sessions.getSession(refreshed.accessToken().value(), null, false));
    proxy.restore();
    assertTrue(sessions.getSession(refreshed.accessToken().value(), null, false)
        .newAccessToken().isPresent());
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
    proxy.restore();
    assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
  }

  @Test
  void sessionManagementDuringAnOutageIsUnavailable() throws Exception {
    SessionTokens tokens = sessions.createNewSession("alice", null, null);
    proxy.cut();
    assertThrows(SessionStoreUnavailableException.class,
        () -> sessions.createNewSession("bob", null, null));
    assertThrows(SessionStoreUnavailableException.class,
        () -> sessions.revokeSession(tokens.sessionHandle()));
    assertThrows(SessionStoreUnavailableException.class,
        () -> sessions.getAllSessionHandlesForUser("alice"));
    proxy.restore();
    assertEquals(1, sessions.getAllSessionHandlesForUser("alice").size());
  }
}
