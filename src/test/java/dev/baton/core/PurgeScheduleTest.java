package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionTokens;
import dev.baton.testing.MutableClock;
import dev.baton.testing.TestBaton;
import dev.baton.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The housekeeping job: what one run does, and how it is scheduled. */
class PurgeScheduleTest {

  @Test
  void oneRunDeletesExpiredSessionsAndPicksUpKeysOtherServersCreated() {
    try (TestDatabase database = TestDatabase.create()) {
      MutableClock clock = new MutableClock(TestBaton.START);
      try (TestBaton a = TestBaton.builder().database(database).clock(clock).start();
          TestBaton b = TestBaton.builder().database(database).clock(clock).start()) {
        SessionTokens expiring = a.sessions().createNewSession("alice", null, null);
        clock.advance(Duration.ofDays(7));
        a.sessions().createNewSession("bob", null, null); // a rotates the signing key
        clock.advance(Duration.ofDays(93));
        SessionTokens live = a.sessions().createNewSession("carol", null, null);
        assertEquals(1, b.bean(KeyRing.class).jwks().getJsonArray("keys").size());

        b.bean(PurgeSchedule.class).runOnce();

        assertFalse(a.sessions().revokeSession(expiring.sessionHandle()), "purged already");
        assertTrue(a.sessions().getSessionInformation(live.sessionHandle()).isPresent());
        assertEquals(a.bean(KeyRing.class).jwks(), b.bean(KeyRing.class).jwks());
      }
    }
  }

  @Test
  void theJobIsScheduledAtTheConfiguredIntervalAndStops() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    scheduler.setRemoveOnCancelPolicy(true);
    try (TestBaton baton = TestBaton.start("session.purge.interval", "PT15M")) {
      PurgeSchedule schedule = baton.bean(PurgeSchedule.class);
      schedule.start(scheduler);
      schedule.start(scheduler);
      assertEquals(1, scheduler.getQueue().size(), "scheduled once");
      long delayMinutes =
          scheduler.getQueue().peek() instanceof java.util.concurrent.Delayed job
              ? job.getDelay(TimeUnit.MINUTES)
              : -1;
      assertTrue(delayMinutes >= 14 && delayMinutes <= 15, "first run after one interval");
      schedule.stop();
      assertEquals(0, scheduler.getQueue().size());
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void aZeroIntervalSchedulesNothing() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    try (TestBaton baton = TestBaton.start("session.purge.interval", "PT0S")) {
      baton.bean(PurgeSchedule.class).start(scheduler);
      assertEquals(0, scheduler.getQueue().size());
    } finally {
      scheduler.shutdownNow();
    }
  }
}
