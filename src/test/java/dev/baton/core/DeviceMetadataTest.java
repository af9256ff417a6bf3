package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionDevice;
import dev.baton.api.SessionInformation;
import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.exception.InvalidSessionInputException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.Jwts;
import dev.baton.testing.TestBaton;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every session records where it was started and when it was last refreshed. */
@BatonTest
class DeviceMetadataTest {

  private static final SessionDevice LAPTOP =
      new SessionDevice("Mozilla/5.0 (X11; Linux x86_64)", "203.0.113.77", "Alice's laptop");

  private final TestBaton baton;
  private final SessionService sessions;

  DeviceMetadataTest(TestBaton baton) {
    this.baton = baton;
    sessions = baton.sessions();
  }

  private SessionInformation information(SessionTokens tokens) {
    return sessions.getSessionInformation(tokens.sessionHandle()).orElseThrow();
  }

  @Test
  void aSessionRecordsItsDeviceWithTheAddressTruncated() {
    SessionTokens tokens = sessions.createNewSession("alice", null, null, LAPTOP);

    SessionInformation information = information(tokens);

    assertEquals(
        new SessionDevice("Mozilla/5.0 (X11; Linux x86_64)", "203.0.113.0/24", "Alice's laptop"),
        information.device());
    assertEquals(TestBaton.START, information.createdAt());
    assertEquals(TestBaton.START, information.authenticatedAt());
    assertEquals(information, sessions.getSessionsOfUser("alice").get(0));
  }

  @Test
  void aSessionStartedWithoutADeviceRecordsNothing() {
    SessionTokens tokens = sessions.createNewSession("alice", null, null);
    assertEquals(new SessionDevice(null, null, null), information(tokens).device());
  }

  @Test
  void theLastRefreshIsRecordedWhenItsNewTokenIsFirstUsed() {
    SessionTokens tokens = sessions.createNewSession("alice", null, null, LAPTOP);
    assertEquals(Optional.empty(), information(tokens).refreshedAt(), "never refreshed yet");

    baton.clock().advance(Duration.ofHours(2));
    SessionTokens child = baton.refresh(tokens);
    baton.clock().advance(Duration.ofMinutes(1));
    SessionTokens grandchild = baton.refresh(child);

    assertEquals(
        Optional.of(TestBaton.START.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(1))),
        information(grandchild).refreshedAt());
    assertEquals(LAPTOP.userAgent(), information(grandchild).device().userAgent());
  }

  @Test
  void theApplicationNamesADeviceAndAnOversizedNameChangesNothing() {
    SessionTokens tokens = sessions.createNewSession("alice", null, null, LAPTOP);

    assertTrue(sessions.updateDeviceName(tokens.sessionHandle(), "Work phone"));
    assertThrows(
        InvalidSessionInputException.class,
        () -> sessions.updateDeviceName(tokens.sessionHandle(), "x".repeat(101)));

    assertEquals("Work phone", information(tokens).device().name());
    assertTrue(sessions.updateDeviceName(tokens.sessionHandle(), null));
    assertEquals(null, information(tokens).device().name());
    assertFalse(sessions.updateDeviceName("no-such-handle", "Work phone"));
  }

  @Test
  void aLoginWithAnAddressThatIsNotOneIsRefusedAndCreatesNothing() {
    assertThrows(
        InvalidSessionInputException.class,
        () ->
            sessions.createNewSession(
                "alice", null, null, new SessionDevice("agent", "attacker.example", null)));
    assertThrows(
        InvalidSessionInputException.class,
        () -> sessions.createNewSession("alice", null, null, LAPTOP.named("x".repeat(101))));
    assertEquals(0, sessions.getSessionsOfUser("alice").size());
  }

  @Test
  void theDeviceNeverEntersTheAccessToken() {
    SessionTokens tokens = sessions.createNewSession("alice", null, null, LAPTOP);
    SessionTokens refreshed = baton.refresh(tokens);

    for (SessionTokens issued : new SessionTokens[] {tokens, refreshed}) {
      String claims = Jwts.claims(issued.accessToken().value()).toString();
      assertFalse(claims.contains("Mozilla"), claims);
      assertFalse(claims.contains("203.0.113"), claims);
      assertFalse(claims.contains("laptop"), claims);
    }
  }
}
