package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.api.SessionInformation;
import dev.baton.api.SessionRevoked;
import dev.baton.api.SessionTokens;
import dev.baton.api.VerifiedSession;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.MutableClock;
import dev.baton.testing.TestBaton;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Security review M3: a session ends at its creation plus {@code session.absolute-lifetime} however
 * often it is refreshed, so a thief who keeps refreshing a copied token loses it then; the idle
 * timeout stays the sliding refresh-token validity. No refresh token, and no end a client is told,
 * lies past the absolute end. Here the idle timeout is a week and the absolute lifetime 30 days.
 */
@BatonTest(config = {"session.refresh-token.validity=P7D", "session.absolute-lifetime=P30D"})
class AbsoluteLifetimeTest {

  private static final Duration ABSOLUTE = Duration.ofDays(30);

  private final TestBaton baton;
  private final MutableClock clock;

  AbsoluteLifetimeTest(TestBaton baton, MutableClock clock) {
    this.baton = baton;
    this.clock = clock;
  }

  @Test
  void aSessionEndsAtItsAbsoluteLifetimeHoweverOftenItIsRefreshed() {
    Instant absoluteEnd = TestBaton.START.plus(ABSOLUTE);
    SessionTokens tokens =
        refreshedEverySixDaysUntil(
            baton.sessions().createNewSession("alice", null, null), absoluteEnd.minusSeconds(1));
    SessionTokens last = confirmed(baton.refresh(tokens));
    assertEquals(absoluteEnd, last.refreshToken().expiresAt(), "the refresh token ends with it");

    clock.set(absoluteEnd);

    assertThrows(UnauthorisedException.class, () -> baton.refresh(last));
    assertFalse(baton.sessions().getSessionInformation(last.sessionHandle()).isPresent());
  }

  @Test
  void anIdleSessionEndsAfterTheRefreshValidity() {
    SessionTokens tokens = baton.sessions().createNewSession("alice", null, null);
    clock.advance(Duration.ofDays(7));
    assertThrows(UnauthorisedException.class, () -> baton.refresh(tokens));
  }

  @Test
  void theEndAClientIsToldNeverLiesPastTheAbsoluteEnd() {
    Instant absoluteEnd = TestBaton.START.plus(ABSOLUTE);
    SessionTokens tokens = baton.sessions().createNewSession("alice", null, null);
    assertEquals(
        TestBaton.START.plus(Duration.ofDays(7)),
        tokens.refreshToken().expiresAt(),
        "a week from now: the idle timeout comes first");
    tokens = refreshedEverySixDaysUntil(tokens, absoluteEnd.minus(Duration.ofDays(1)));
    SessionTokens child = baton.refresh(tokens);

    VerifiedSession promoted =
        baton.sessions().getSession(child.accessToken().value(), child.antiCsrfToken(), false);
    SessionInformation information =
        baton.sessions().getSessionInformation(child.sessionHandle()).orElseThrow();

    assertEquals(absoluteEnd, child.refreshToken().expiresAt());
    assertEquals(absoluteEnd, promoted.sessionExpiresAt().orElseThrow());
    assertEquals(absoluteEnd, information.expiresAt());
  }

  @Test
  void thePurgeAnnouncesEachExpiredSessionWithWhyItEnded() {
    SessionTokens idle = baton.sessions().createNewSession("idle", null, null);
    SessionTokens active =
        refreshedEverySixDaysUntil(
            baton.sessions().createNewSession("active", null, null),
            TestBaton.START.plus(ABSOLUTE).minusSeconds(1));
    SessionTokens live = baton.sessions().createNewSession("live", null, null);
    clock.advance(Duration.ofSeconds(1));

    baton.bean(SessionPurger.class).purgeExpired();

    assertEquals(
        Set.of(
            new SessionRevoked(idle.sessionHandle(), "idle", SessionRevoked.Reason.IDLE_TIMEOUT),
            new SessionRevoked(
                active.sessionHandle(), "active", SessionRevoked.Reason.ABSOLUTE_LIFETIME)),
        Set.copyOf(baton.events().of(SessionRevoked.class)));
    baton.sessions().getSession(live.accessToken().value(), null, false);
  }

  /** Keeps a session alive within its idle timeout, up to the given time. */
  private SessionTokens refreshedEverySixDaysUntil(SessionTokens tokens, Instant until) {
    for (Instant next = clock.instant().plus(Duration.ofDays(6));
        next.isBefore(until);
        next = next.plus(Duration.ofDays(6))) {
      clock.set(next);
      tokens = confirmed(baton.refresh(tokens));
    }
    clock.set(until);
    return tokens;
  }

  /** Refreshes are confirmed by the first request with the new access token, as a client does. */
  private SessionTokens confirmed(SessionTokens refreshed) {
    baton.sessions().getSession(refreshed.accessToken().value(), refreshed.antiCsrfToken(), false);
    return refreshed;
  }
}
