package dev.baton.bench;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.core.SessionPurger;
import dev.baton.testing.TestBaton;
import dev.baton.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Scale check on PostgreSQL: a million sessions (half of them expired), then the latency of
 * refreshes and of listing a user's sessions, the time to purge the expired half, and what that
 * purge does to the latency of refreshes running beside it.
 *
 * <p>{@code java -Dbaton.test.db=postgresql -cp target/test-classes:<test classpath>
 * dev.baton.bench.MillionSessions}. Creates and drops its own schema.
 */
public final class MillionSessions {

  private static final String USER_AGENT =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

  private MillionSessions() {}

  public static void main(String[] args) throws Exception {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    try (TestDatabase database = TestDatabase.create();
        TestBaton baton = TestBaton.builder().database(database).start()) {
      long now = baton.clock().millis();
      long started = System.nanoTime();
      try (Connection connection = database.dataSource().getConnection();
          Statement sql = connection.createStatement()) {
        // Half expired a day ago, half live for 100 days; 100,000 users with 10 sessions each.
        sql.execute(
            "INSERT INTO baton_session (handle, user_id, refresh_token_hash2,"
                + " session_data, access_token_payload, user_agent, client_address, device_name,"
                + " refreshed_at, created_at, expires_at)"
                + " SELECT gen_random_uuid()::text, 'user-' || (i % 100000), md5(i::text) || md5(i::text),"
                + " '{}', '{}', '"
                + USER_AGENT
                + "', '203.0.113.0/24', 'device ' || (i / 100000), "
                + now
                + " + i, "
                + now
                + ", CASE WHEN i % 2 = 0 THEN "
                + (now - 86_400_000L)
                + " ELSE "
                + (now + 8_640_000_000L)
                + " END FROM generate_series(1, "
                + total
                + ") i");
        sql.execute("ANALYZE baton_session");
        // The user's sessions, as listing, revoke-others and an eviction read them.
        try (var plan =
            sql.executeQuery(
                "EXPLAIN SELECT handle, created_at, refreshed_at FROM baton_session"
                    + " WHERE user_id = 'user-1' AND expires_at > "
                    + now)) {
          while (plan.next()) {
            System.out.println("plan: " + plan.getString(1));
          }
        }
      }
      System.out.printf("inserted %,d sessions in %.1f s%n", total, seconds(started));

      SessionService sessions = baton.sessions();
      List<Long> refresh = new ArrayList<>();
      List<Long> listing = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        SessionTokens tokens = sessions.createNewSession("user-" + (i % 100000), null, null);
        long t = System.nanoTime();
        SessionTokens child =
            sessions.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken());
        sessions.refreshSession(child.refreshToken().value(), child.antiCsrfToken());
        refresh.add((System.nanoTime() - t) / 2);
        t = System.nanoTime();
        sessions.getAllSessionHandlesForUser("user-" + (i % 100000));
        listing.add(System.nanoTime() - t);
      }
      System.out.println("refresh (rotation with promotion): " + percentiles(refresh));
      System.out.println("sessions of one user (10 rows):    " + percentiles(listing));
      lifecycleControls(database, sessions);

      // The purge's effect on live refreshes: one thread refreshes for as long as the purge runs,
      // against the same thread refreshing for as long without it, just before.
      List<SessionTokens> lineages = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        lineages.add(sessions.createNewSession("live-" + i, null, null));
      }
      AtomicBoolean running = new AtomicBoolean(true);
      CompletableFuture<List<Long>> quiet =
          CompletableFuture.supplyAsync(() -> refreshWhile(sessions, lineages, running));
      Thread.sleep(5_000);
      running.set(false);
      System.out.println("refresh, nothing else running:     " + percentiles(quiet.get()));

      running.set(true);
      CompletableFuture<List<Long>> duringPurge =
          CompletableFuture.supplyAsync(() -> refreshWhile(sessions, lineages, running));
      started = System.nanoTime();
      int purged = baton.bean(SessionPurger.class).purgeExpired();
      double purgeSeconds = seconds(started);
      running.set(false);
      System.out.printf("purged %,d expired sessions in %.1f s%n", purged, purgeSeconds);
      System.out.println("refresh while the purge runs:      " + percentiles(duringPurge.get()));
    }
  }

  /**
   * The user-facing lifecycle calls on the same million rows (issue 12, item 8), each on users
   * nobody touched before it: odd user numbers hold 10 live sessions each, even ones 10 expired.
   */
  private static void lifecycleControls(TestDatabase database, SessionService sessions) {
    List<Long> listing = new ArrayList<>();
    List<Long> revokeOthers = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      String listed = "user-" + (2 * i + 1);
      long t = System.nanoTime();
      sessions.getSessionsOfUser(listed);
      listing.add(System.nanoTime() - t);

      String signingOut = "user-" + (2 * i + 10_001);
      SessionTokens kept = sessions.createNewSession(signingOut, null, null);
      t = System.nanoTime();
      sessions.revokeAllSessionsForUser(signingOut, kept.sessionHandle());
      revokeOthers.add(System.nanoTime() - t);
    }
    System.out.println("list with metadata (10 rows):      " + percentiles(listing));
    System.out.println("revoke-others (ends 10):           " + percentiles(revokeOthers));

    List<Long> plainLogin = new ArrayList<>();
    List<Long> firstEvictingLogin = new ArrayList<>();
    List<Long> evictingLogin = new ArrayList<>();
    try (TestBaton limited =
        TestBaton.builder()
            .database(database)
            .config("session.max-sessions-per-user", "10")
            .start()) {
      for (int i = 0; i < 2_000; i++) {
        long t = System.nanoTime();
        sessions.createNewSession("fresh-" + i, null, null);
        plainLogin.add(System.nanoTime() - t);
        String full = "user-" + (2 * i + 20_001);
        t = System.nanoTime();
        limited.sessions().createNewSession(full, null, null);
        firstEvictingLogin.add(System.nanoTime() - t);
        t = System.nanoTime();
        limited.sessions().createNewSession(full, null, null);
        evictingLogin.add(System.nanoTime() - t);
      }
    }
    System.out.println("login, no limit:                   " + percentiles(plainLogin));
    System.out.println("first login under the limit:       " + percentiles(firstEvictingLogin));
    System.out.println("login at the limit (evicts 1):     " + percentiles(evictingLogin));
  }

  /** Refreshes the lineages in turn, each with its newest token, until told to stop. */
  private static List<Long> refreshWhile(
      SessionService sessions, List<SessionTokens> lineages, AtomicBoolean running) {
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; running.get(); i = (i + 1) % lineages.size()) {
      SessionTokens tokens = lineages.get(i);
      long t = System.nanoTime();
      lineages.set(
          i, sessions.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken()));
      latencies.add(System.nanoTime() - t);
    }
    return latencies;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static String percentiles(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    return String.format(
        "p50 %.2f ms, p99 %.2f ms (n=%d)",
        sorted.get(sorted.size() / 2) / 1e6,
        sorted.get(sorted.size() * 99 / 100) / 1e6,
        sorted.size());
  }
}
