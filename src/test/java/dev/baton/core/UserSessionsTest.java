package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A user's own sessions: the list a "your devices" page shows, and signing out the others. */
@BatonTest
class UserSessionsTest {

  private final TestBaton baton;
  private final SessionService sessions;

  UserSessionsTest(TestBaton baton) {
    this.baton = baton;
    sessions = baton.sessions();
  }

  private SessionTokens loginAfter(String userId, Duration wait) {
    baton.clock().advance(wait);
    return sessions.createNewSession(userId, null, null);
  }

  @Test
  void aUsersLiveSessionsAreListedNewestFirstAndNoOneElses() {
    SessionTokens first = loginAfter("alice", Duration.ZERO);
    SessionTokens revoked = loginAfter("alice", Duration.ofMinutes(1));
    SessionTokens third = loginAfter("alice", Duration.ofMinutes(1));
    loginAfter("bob", Duration.ofMinutes(1));
    sessions.revokeSession(revoked.sessionHandle());

    List<SessionInformation> listed = sessions.getSessionsOfUser("alice");

    assertEquals(
        List.of(third.sessionHandle(), first.sessionHandle()),
        listed.stream().map(SessionInformation::sessionHandle).toList());
    assertTrue(listed.stream().allMatch(s -> s.userId().equals("alice")));
    assertEquals(TestBaton.START, listed.get(1).createdAt());
  }

  @Test
  void anExpiredSessionIsNotListed() {
    loginAfter("carol", Duration.ZERO);
    baton.clock().advance(Duration.ofDays(31));
    assertEquals(List.of(), sessions.getSessionsOfUser("carol"));
    assertEquals(List.of(), sessions.getSessionsOfUser(null));
  }

  @Test
  void signingOutEverywhereElseKeepsOneSessionAndSaysWhyTheOthersEnded() {
    SessionTokens kept = loginAfter("dave", Duration.ZERO);
    SessionTokens phone = loginAfter("dave", Duration.ofMinutes(1));
    SessionTokens laptop = loginAfter("dave", Duration.ofMinutes(1));
    SessionTokens someoneElse = loginAfter("erin", Duration.ZERO);
    baton.events().clear();

    List<String> ended = sessions.revokeAllSessionsForUser("dave", kept.sessionHandle());

    assertEquals(Set.of(phone.sessionHandle(), laptop.sessionHandle()), Set.copyOf(ended));
    assertEquals(
        List.of(kept.sessionHandle()),
        sessions.getSessionsOfUser("dave").stream()
            .map(SessionInformation::sessionHandle)
            .toList());
    assertEquals(1, sessions.getSessionsOfUser("erin").size(), someoneElse.sessionHandle());
    List<SessionRevoked> events = baton.events().of(SessionRevoked.class);
    assertEquals(2, events.size());
    assertTrue(
        events.stream().allMatch(e -> e.reason() == SessionRevoked.Reason.SIGNED_OUT_ELSEWHERE));
    assertRefused(() -> baton.refresh(phone));
    assertEquals(kept.sessionHandle(), baton.refresh(kept).sessionHandle());
  }

  @Test
  void withNoSessionKeptEverySessionOfTheUserEnds() {
    loginAfter("frank", Duration.ZERO);
    loginAfter("frank", Duration.ofMinutes(1));
    assertEquals(2, sessions.revokeAllSessionsForUser("frank", null).size());
    assertEquals(List.of(), sessions.getSessionsOfUser("frank"));
  }

  private static void assertRefused(Executable refresh) {
    assertThrows(UnauthorisedException.class, refresh);
  }
}
