package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.api.SessionInformation;
import dev.baton.api.SessionRevoked;
import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.TestBaton;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code session.max-sessions-per-user=2} with the default policy: a third login ends the session
 * its user used least recently.
 */
@BatonTest(config = "session.max-sessions-per-user=2")
class SessionLimitTest {

  private final TestBaton baton;
  private final SessionService sessions;

  SessionLimitTest(TestBaton baton) {
    this.baton = baton;
    sessions = baton.sessions();
  }

  private SessionTokens login(String userId) {
    baton.clock().advance(Duration.ofMinutes(1));
    return sessions.createNewSession(userId, null, null);
  }

  private Set<String> liveHandles(String userId) {
    return sessions.getSessionsOfUser(userId).stream()
        .map(SessionInformation::sessionHandle)
        .collect(Collectors.toSet());
  }

  @Test
  void aLoginBeyondTheLimitEvictsTheLeastRecentlyUsedNotTheOldest() {
    SessionTokens laptop = login("alice");
    SessionTokens phone = login("alice");
    baton.clock().advance(Duration.ofMinutes(5));
    SessionTokens laptopRefreshed = baton.refresh(laptop);
    // Its first request confirms the refresh: that is when the session counts as used.
    sessions.getSession(
        laptopRefreshed.accessToken().value(), laptopRefreshed.antiCsrfToken(), false);
    baton.events().clear();

    SessionTokens tablet = login("alice");

    assertEquals(Set.of(laptop.sessionHandle(), tablet.sessionHandle()), liveHandles("alice"));
    assertEquals(
        List.of(new SessionRevoked(phone.sessionHandle(), "alice", SessionRevoked.Reason.EVICTED)),
        baton.events().of(SessionRevoked.class));
    assertThrows(UnauthorisedException.class, () -> baton.refresh(phone));
    baton.refresh(laptopRefreshed);
  }

  @Test
  void theLimitCountsOneUsersLiveSessionsOnly() {
    login("alice");
    login("bob");
    login("bob");
    SessionTokens soonExpired = login("alice");
    baton.clock().advance(Duration.ofDays(101));
    baton.events().clear();

    SessionTokens first = login("alice");
    SessionTokens second = login("alice");

    assertEquals(Set.of(first.sessionHandle(), second.sessionHandle()), liveHandles("alice"));
    assertEquals(List.of(), baton.events().of(SessionRevoked.class), "expired ones make room");
    assertThrows(UnauthorisedException.class, () -> baton.refresh(soonExpired));
  }

  @Test
  void aLoginAtTheLimitEvictsOnlyAsManyAsItNeeds() {
    login("carol");
    SessionTokens second = login("carol");
    SessionTokens third = login("carol");
    SessionTokens fourth = login("carol");

    assertEquals(Set.of(third.sessionHandle(), fourth.sessionHandle()), liveHandles("carol"));
    assertEquals(
        2,
        baton.events().of(SessionRevoked.class).stream()
            .filter(e -> e.reason() == SessionRevoked.Reason.EVICTED)
            .count(),
        second.sessionHandle());
  }
}
