package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.api.SessionCreated;
import dev.baton.api.SessionInformation;
import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.exception.SessionLimitExceededException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.TestBaton;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code session.max-sessions-per-user=1} with {@code policy=refuse}: a second login is refused.
 */
@BatonTest(
    config = {"session.max-sessions-per-user=1", "session.max-sessions-per-user.policy=refuse"})
class SessionLimitRefusalTest {

  private final TestBaton baton;
  private final SessionService sessions;

  SessionLimitRefusalTest(TestBaton baton) {
    this.baton = baton;
    sessions = baton.sessions();
  }

  private List<String> handles(String userId) {
    return sessions.getSessionsOfUser(userId).stream()
        .map(SessionInformation::sessionHandle)
        .toList();
  }

  @Test
  void aLoginBeyondTheLimitIsRefusedAndTheExistingSessionStays() {
    SessionTokens first = sessions.createNewSession("alice", null, null);
    baton.events().clear();

    SessionLimitExceededException refused =
        assertThrows(
            SessionLimitExceededException.class,
            () -> sessions.createNewSession("alice", null, null));

    assertEquals(1, refused.limit());
    assertEquals(List.of(first.sessionHandle()), handles("alice"));
    assertEquals(List.of(), baton.events().of(SessionCreated.class));
    baton.refresh(first);
  }

  @Test
  void endingTheSessionMakesRoomForTheNextLogin() {
    SessionTokens first = sessions.createNewSession("alice", null, null);
    sessions.revokeSession(first.sessionHandle());

    SessionTokens second = sessions.createNewSession("alice", null, null);

    assertEquals(List.of(second.sessionHandle()), handles("alice"));
    assertEquals(List.of(), handles("bob"));
    sessions.createNewSession("bob", null, null);
  }
}
