package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionTokens;
import dev.baton.testing.LogCapture;
import dev.baton.testing.MutableClock;
import dev.baton.testing.TestBaton;
import dev.baton.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The background jobs: what one run of each does, and how they are scheduled. */
class HousekeepingTest {

  @Test
  void onePurgeDeletesExpiredSessionsAndKeepsLiveOnes() {
    try (TestBaton baton = TestBaton.start()) {
      SessionTokens expiring = baton.sessions().createNewSession("alice", null, null);
      baton.clock().advance(Duration.ofDays(100));
      SessionTokens live = baton.sessions().createNewSession("carol", null, null);

      baton.bean(Housekeeping.class).purge();

      assertFalse(baton.sessions().revokeSession(expiring.sessionHandle()), "purged already");
      assertTrue(baton.sessions().getSessionInformation(live.sessionHandle()).isPresent());
    }
  }

  @Test
  void oneKeyMaintenancePicksUpKeysAnotherServerCreated() {
    try (TestDatabase database = TestDatabase.create()) {
      MutableClock clock = new MutableClock(TestBaton.START);
      try (TestBaton a = TestBaton.builder().database(database).clock(clock).start();
          TestBaton b = TestBaton.builder().database(database).clock(clock).start()) {
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        a.bean(KeyRing.class).maintain(); // a creates the next key
        assertNotEquals(kids(a), kids(b), "b has not re-read the keys yet");

        b.bean(Housekeeping.class).maintainKeys();

        assertEquals(kids(a), kids(b));
      }
    }
  }

  @Test
  void aFailedKeyMaintenanceIsOneWarningLineWithoutAStackTrace() {
    try (TestBaton baton = TestBaton.start();
        LogCapture log = LogCapture.of(Housekeeping.class.getName())) {
      Housekeeping housekeeping = baton.bean(Housekeeping.class);
      baton.database().execute("ALTER TABLE baton_refresh_key RENAME TO baton_refresh_key_away");
      housekeeping.maintainKeys();
      baton.database().execute("ALTER TABLE baton_refresh_key_away RENAME TO baton_refresh_key");
      housekeeping.maintainKeys();

      List<LogRecord> records = log.records();
      assertEquals(1, records.size(), "the failure, and nothing for the run that worked");
      assertEquals(Level.WARNING, records.get(0).getLevel());
      assertTrue(records.get(0).getMessage().startsWith("Key maintenance failed"));
      assertNull(records.get(0).getThrown(), "no stack trace every 30 s during an outage");
    }
  }

  @Test
  void keysAreMaintainedEveryIntervalAndPurgesRunAtTheConfiguredOne() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    scheduler.setRemoveOnCancelPolicy(true);
    try (TestBaton baton = TestBaton.start("session.purge.interval", "PT15M")) {
      Housekeeping housekeeping = baton.bean(Housekeeping.class);
      housekeeping.start(scheduler);
      housekeeping.start(scheduler);
      assertEquals(
          List.of(KeyRing.MAINTENANCE_INTERVAL.toSeconds(), Duration.ofMinutes(15).toSeconds()),
          firstRunsInSeconds(scheduler),
          "each job scheduled once, its first run after one interval");
      housekeeping.stop();
      assertEquals(0, scheduler.getQueue().size());
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void aZeroPurgeIntervalSchedulesOnlyTheKeyMaintenance() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    try (TestBaton baton = TestBaton.start("session.purge.interval", "PT0S")) {
      baton.bean(Housekeeping.class).start(scheduler);
      assertEquals(
          List.of(KeyRing.MAINTENANCE_INTERVAL.toSeconds()), firstRunsInSeconds(scheduler));
    } finally {
      scheduler.shutdownNow();
    }
  }

  /** The delay of each queued job, rounded up to whole seconds, soonest first. */
  private static List<Long> firstRunsInSeconds(ScheduledThreadPoolExecutor scheduler) {
    return scheduler.getQueue().stream()
        .map(job -> (Delayed) job)
        .map(job -> (job.getDelay(TimeUnit.MILLISECONDS) + 999) / 1000)
        .sorted()
        .toList();
  }

  private static List<String> kids(TestBaton server) {
    return server.bean(KeyRing.class).knownKids();
  }
}
