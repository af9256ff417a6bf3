package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.TokenTheftDetected;
import dev.baton.api.exception.SessionStoreUnavailableException;
import dev.baton.testing.Await;
import dev.baton.testing.BatonTest;
import dev.baton.testing.Concurrently;
import dev.baton.testing.TestBaton;
import dev.baton.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A session row locked by someone else for too long, the way a server that lost its network in the
 * middle of a refresh would leave it: the refresh gives up after {@code session.lock-timeout} with
 * a server fault (503), never a logout or a theft, and the same token works once the row is free.
 * Runs on PostgreSQL and MariaDB; H2 bounds the wait with its own {@code LOCK_TIMEOUT}.
 */
@BatonTest(config = "session.lock-timeout=PT2S")
class LockContentionTest {

  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(2);

  private final TestBaton baton;
  private final SessionService sessions;

  LockContentionTest(TestBaton baton) {
    this.baton = baton;
    sessions = baton.sessions();
  }

  @Test
  void refreshBehindALockHeldPastTheTimeoutIsUnavailableAndTheSameTokenWorksAfterwards()
      throws Exception {
    SessionTokens tokens = sessions.createNewSession("alice", null, null);
    try (Connection holder = lockRow(tokens.sessionHandle())) {
      long started = System.nanoTime();
      assertThrows(SessionStoreUnavailableException.class, () -> baton.refresh(tokens));
      Duration waited = Duration.ofNanos(System.nanoTime() - started);
      // One lock timeout: a timeout is answered at once, not retried (that would take three).
      assertTrue(waited.compareTo(LOCK_TIMEOUT.multipliedBy(2)) < 0, "gave up after " + waited);
      holder.rollback();
    }

    SessionTokens refreshed = baton.refresh(tokens);
    assertEquals(
        "alice", sessions.getSession(refreshed.accessToken().value(), null, false).userId());
    assertTrue(baton.events().of(TokenTheftDetected.class).isEmpty());
  }

  @Test
  void refreshWaitsForALockReleasedWithinTheTimeout() throws Exception {
    SessionTokens tokens = sessions.createNewSession("alice", null, null);
    Connection holder = lockRow(tokens.sessionHandle());
    CompletableFuture<Void> release =
        CompletableFuture.runAsync(
            () -> {
              try (holder) {
                holder.rollback();
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            },
            CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

    SessionTokens refreshed = baton.refresh(tokens);
    release.get();
    assertEquals(
        "alice", sessions.getSession(refreshed.accessToken().value(), null, false).userId());
  }

  @Test
  void revokingBehindAStuckLockIsUnavailableAndRevokesLater() throws Exception {
    SessionTokens tokens = sessions.createNewSession("alice", null, null);
    try (Connection holder = lockRow(tokens.sessionHandle())) {
      assertThrows(
          SessionStoreUnavailableException.class,
          () -> sessions.revokeSession(tokens.sessionHandle()));
      holder.rollback();
    }
    assertTrue(sessions.revokeSession(tokens.sessionHandle()));
  }

  @Test
  void requestsOfAStuckSessionWaitWithoutConnectionsSoOtherSessionsKeepRefreshing()
      throws Exception {
    SessionTokens stuck = sessions.createNewSession("alice", null, null);
    SessionTokens other = sessions.createNewSession("bob", null, null);
    int stuckStripe = SessionQueue.stripe(stuck.sessionHandle());
    while (SessionQueue.stripe(other.sessionHandle()) == stuckStripe) {
      other = sessions.createNewSession("bob", null, null);
    }
    int requests = TestDatabase.POOL_SIZE + 6;
    ExecutorService clients = Executors.newFixedThreadPool(requests);
    SessionQueue queue = baton.bean(SessionQueue.class);
    try (Connection holder = lockRow(stuck.sessionHandle())) {
      List<Future<SessionTokens>> waiting =
          Concurrently.start(clients, Collections.nCopies(requests, () -> baton.refresh(stuck)));
      long deadline = System.nanoTime() + LOCK_TIMEOUT.multipliedBy(10).toNanos();
      // One of them waits for the row in the database, all the others for their turn in memory.
      Await.until(
          "every request waits",
          LOCK_TIMEOUT,
          () -> queue.waiting() == requests - 1 && baton.database().lockWaiters() == 1);
      // More requests wait for the stuck row than the pool has connections, yet bob gets one
      // while they are all still waiting (without the queue, only once some of them gave up).
      assertEquals(
          "bob",
          sessions.getSession(baton.refresh(other).accessToken().value(), null, false).userId());
      assertTrue(
          waiting.stream().noneMatch(Future::isDone), "bob had to wait for the stuck requests");
      for (Future<SessionTokens> request : waiting) {
        ExecutionException failed =
            assertThrows(
                ExecutionException.class,
                () -> request.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        assertInstanceOf(SessionStoreUnavailableException.class, failed.getCause());
      }
      holder.rollback();
    } finally {
      clients.shutdownNow();
    }
    assertEquals(
        "alice",
        sessions.getSession(baton.refresh(stuck).accessToken().value(), null, false).userId());
    assertTrue(baton.events().of(TokenTheftDetected.class).isEmpty());
  }

  /** Opens a transaction on a connection of its own that holds the session's row lock. */
  private Connection lockRow(String handle) throws SQLException {
    Connection connection = baton.database().dataSource().getConnection();
    connection.setAutoCommit(false);
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT handle FROM baton_session WHERE handle = ? FOR UPDATE")) {
      select.setString(1, handle);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next(), "the session row exists");
      }
    }
    return connection;
  }
}
