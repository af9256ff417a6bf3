package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.VerifiedSession;
import dev.baton.api.exception.TryRefreshTokenException;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.Jwts;
import dev.baton.testing.TestBaton;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * When the session's user last authenticated ({@code auth_time}): the login, until the application
 * records a re-authentication, which then holds for the session's every later token.
 */
@BatonTest
class AuthenticationTimeTest {

  private static final Instant AN_HOUR_LATER = TestBaton.START.plus(Duration.ofHours(1));

  private final TestBaton baton;
  private final SessionService sessions;

  AuthenticationTimeTest(TestBaton baton) {
    this.baton = baton;
    sessions = baton.sessions();
  }

  @Test
  void aRecordedAuthenticationIsNowInANewTokenAndTheSessionKeepsItsHandle() {
    SessionTokens login = sessions.createNewSession("alice", null, null);
    baton.clock().advance(Duration.ofMinutes(50));
    SessionTokens refreshed = baton.refresh(login);
    baton.clock().set(AN_HOUR_LATER);

    VerifiedSession fresh = sessions.recordAuthentication(refreshed.accessToken().value());

    assertEquals(login.sessionHandle(), fresh.sessionHandle());
    assertEquals(AN_HOUR_LATER, fresh.authenticatedAt());
    String token = fresh.newAccessToken().orElseThrow().value();
    assertEquals(
        AN_HOUR_LATER.getEpochSecond(), Jwts.claims(token).getJsonNumber("auth_time").longValue());
    assertEquals(AN_HOUR_LATER, sessions.getSession(token, null, false).authenticatedAt());
    // The refreshed token, used now for the first time, is promoted with the stored time.
    VerifiedSession promoted = sessions.getSession(refreshed.accessToken().value(), null, false);
    assertEquals(AN_HOUR_LATER, promoted.authenticatedAt());
    assertEquals(
        AN_HOUR_LATER.getEpochSecond(),
        Jwts.claims(promoted.newAccessToken().orElseThrow().value())
            .getJsonNumber("auth_time")
            .longValue());
  }

  @Test
  void laterRefreshesKeepTheRecordedAuthentication() {
    SessionTokens login = sessions.createNewSession("bob", null, null);
    baton.clock().set(AN_HOUR_LATER);
    SessionTokens current = baton.refresh(login);
    sessions.recordAuthentication(current.accessToken().value());

    baton.clock().advance(Duration.ofHours(3));
    SessionTokens later = baton.refresh(current);

    assertEquals(
        AN_HOUR_LATER.getEpochSecond(),
        Jwts.claims(later.accessToken().value()).getJsonNumber("auth_time").longValue());
  }

  @Test
  void anExpiredTokenMustBeRefreshedBeforeAnAuthenticationIsRecorded() {
    SessionTokens login = sessions.createNewSession("carol", null, null);
    baton.clock().advance(Duration.ofHours(2));
    assertThrows(
        TryRefreshTokenException.class,
        () -> sessions.recordAuthentication(login.accessToken().value()));
  }

  @Test
  void aRevokedSessionCannotRecordAnAuthentication() {
    SessionTokens login = sessions.createNewSession("dave", null, null);
    sessions.revokeSession(login.sessionHandle());
    assertThrows(
        UnauthorisedException.class,
        () -> sessions.recordAuthentication(login.accessToken().value()));
    assertThrows(UnauthorisedException.class, () -> sessions.recordAuthentication(" "));
  }
}
