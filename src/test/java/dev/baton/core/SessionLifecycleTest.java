package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.IssuedToken;
import dev.baton.api.SessionCreated;
import dev.baton.api.SessionInformation;
import dev.baton.api.SessionRefreshed;
import dev.baton.api.SessionRevoked;
import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.TokenTheftDetected;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.Jwts;
import dev.baton.testing.TestBaton;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Creating, reading, updating and revoking sessions, and the events that go with it. */
// These tests are about the sliding idle timeout (the refresh validity, 100 days): no
// absolute lifetime ends their sessions first (AbsoluteLifetimeTest covers that).
@BatonTest(config = "session.absolute-lifetime=P1000D")
class SessionLifecycleTest {

  private static final JsonObject PAYLOAD = Json.createObjectBuilder().add("role", "user").build();
  private static final JsonObject DATA = Json.createObjectBuilder().add("cart", 3).build();

  private final TestBaton baton;
  private final SessionService sessions;

  SessionLifecycleTest(TestBaton baton) {
    this.baton = baton;
    sessions = baton.sessions();
  }

  @Test
  void newSessionIsStoredWithItsDataAndAnnounced() {
    SessionTokens tokens = sessions.createNewSession("alice", PAYLOAD, DATA);
    SessionInformation info = sessions.getSessionInformation(tokens.sessionHandle()).orElseThrow();
    assertAll(
        () -> assertEquals("alice", tokens.userId()),
        () -> assertEquals(PAYLOAD, tokens.accessTokenPayload()),
        () ->
            assertEquals(
                TestBaton.START.plus(Duration.ofDays(100)), tokens.refreshToken().expiresAt()),
        () -> assertEquals("alice", info.userId()),
        () -> assertEquals(DATA, info.sessionData()),
        () -> assertEquals(PAYLOAD, info.accessTokenPayload()),
        () -> assertEquals(TestBaton.START, info.createdAt()),
        () -> assertEquals(TestBaton.START.plus(Duration.ofDays(100)), info.expiresAt()),
        () ->
            assertEquals(
                List.of(new SessionCreated(tokens.sessionHandle(), "alice")),
                baton.events().of(SessionCreated.class)));
  }

  @Test
  void refreshIsAnnouncedAndTokenLifetimesStartAnew() {
    SessionTokens tokens = sessions.createNewSession("alice", null, null);
    baton.clock().advance(Duration.ofHours(5));
    SessionTokens refreshed =
        sessions.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken());
    assertEquals(TestBaton.START.plus(Duration.ofHours(6)), refreshed.accessToken().expiresAt());
    assertEquals(
        TestBaton.START.plus(Duration.ofHours(5)).plus(Duration.ofDays(100)),
        refreshed.refreshToken().expiresAt());
    assertEquals(
        List.of(new SessionRefreshed(tokens.sessionHandle(), "alice")),
        baton.events().of(SessionRefreshed.class));
  }

  @Test
  void sessionExpiresWithItsRefreshTokenUnlessRefreshed() {
    SessionTokens tokens = sessions.createNewSession("alice", null, null);
    baton.clock().advance(Duration.ofDays(100));
    assertTrue(sessions.getSessionInformation(tokens.sessionHandle()).isEmpty());
    assertTrue(sessions.getAllSessionHandlesForUser("alice").isEmpty());
    assertFalse(sessions.updateSessionData(tokens.sessionHandle(), DATA));
  }

  @Test
  void updatedSessionDataIsStored() {
    SessionTokens tokens = sessions.createNewSession("alice", null, DATA);
    JsonObject newData = Json.createObjectBuilder().add("cart", 4).build();
    assertTrue(sessions.updateSessionData(tokens.sessionHandle(), newData));
    assertEquals(
        newData,
        sessions.getSessionInformation(tokens.sessionHandle()).orElseThrow().sessionData());
  }

  @Test
  void updatedPayloadReachesTheNextAccessToken() {
    SessionTokens tokens = sessions.createNewSession("alice", PAYLOAD, null);
    JsonObject promoted = Json.createObjectBuilder().add("role", "admin").build();
    assertTrue(sessions.updateAccessTokenPayload(tokens.sessionHandle(), promoted));
    assertEquals(
        PAYLOAD,
        sessions.getSession(tokens.accessToken().value(), null, false).accessTokenPayload());

    SessionTokens refreshed =
        sessions.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken());
    assertEquals("admin", Jwts.claims(refreshed.accessToken().value()).getString("role"));
    assertEquals(promoted, refreshed.accessTokenPayload());
  }

  @Test
  void regeneratedAccessTokenCarriesTheNewPayloadAndTheOldExpiry() {
    SessionTokens tokens = sessions.createNewSession("alice", PAYLOAD, null);
    baton.clock().advance(Duration.ofMinutes(10));
    JsonObject promoted = Json.createObjectBuilder().add("role", "admin").build();
    IssuedToken regenerated =
        sessions.regenerateAccessToken(tokens.accessToken().value(), promoted).orElseThrow();
    assertEquals(tokens.accessToken().expiresAt(), regenerated.expiresAt());
    assertEquals(
        promoted,
        sessions
            .getSession(regenerated.value(), tokens.antiCsrfToken(), true)
            .accessTokenPayload());
    assertEquals(
        promoted,
        sessions.getSessionInformation(tokens.sessionHandle()).orElseThrow().accessTokenPayload());
  }

  @Test
  void regeneratingFromAnExpiredTokenStoresThePayloadForTheNextRefresh() {
    SessionTokens tokens = sessions.createNewSession("alice", PAYLOAD, null);
    baton.clock().advance(Duration.ofHours(2));
    JsonObject promoted = Json.createObjectBuilder().add("role", "admin").build();
    assertEquals(
        Optional.empty(), sessions.regenerateAccessToken(tokens.accessToken().value(), promoted));
    SessionTokens refreshed =
        sessions.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken());
    assertEquals(promoted, refreshed.accessTokenPayload());
  }

  @Test
  void regeneratingForARevokedSessionIsUnauthorised() {
    SessionTokens tokens = sessions.createNewSession("alice", PAYLOAD, null);
    sessions.revokeSession(tokens.sessionHandle());
    assertThrows(
        UnauthorisedException.class,
        () -> sessions.regenerateAccessToken(tokens.accessToken().value(), PAYLOAD));
  }

  @Test
  void revokingOneSessionLeavesTheOthers() {
    SessionTokens first = sessions.createNewSession("alice", null, null);
    SessionTokens second = sessions.createNewSession("alice", null, null);
    assertTrue(sessions.revokeSession(first.sessionHandle()));
    assertFalse(sessions.revokeSession(first.sessionHandle()));
    assertEquals(List.of(second.sessionHandle()), sessions.getAllSessionHandlesForUser("alice"));
    assertEquals(
        List.of(
            new SessionRevoked(first.sessionHandle(), "alice", SessionRevoked.Reason.REQUESTED)),
        baton.events().of(SessionRevoked.class));
  }

  @Test
  void revokingAllSessionsOfAUserLeavesOtherUsers() {
    SessionTokens first = sessions.createNewSession("alice", null, null);
    baton.clock().advance(Duration.ofSeconds(1));
    SessionTokens second = sessions.createNewSession("alice", null, null);
    SessionTokens bobs = sessions.createNewSession("bob", null, null);
    assertEquals(
        List.of(first.sessionHandle(), second.sessionHandle()),
        sessions.getAllSessionHandlesForUser("alice"));

    List<String> revoked = new ArrayList<>(sessions.revokeAllSessionsForUser("alice"));
    revoked.sort(null);
    List<String> expected = new ArrayList<>(List.of(first.sessionHandle(), second.sessionHandle()));
    expected.sort(null);
    assertEquals(expected, revoked);
    assertTrue(sessions.getAllSessionHandlesForUser("alice").isEmpty());
    assertEquals(List.of(bobs.sessionHandle()), sessions.getAllSessionHandlesForUser("bob"));
    assertEquals(2, baton.events().of(SessionRevoked.class).size());
    assertThrows(
        UnauthorisedException.class,
        () -> sessions.refreshSession(second.refreshToken().value(), second.antiCsrfToken()));
  }

  /** Security review L7: MariaDB's default collation would make these one user. */
  @Test
  void userIdsAndHandlesCompareExactlyOnEveryDatabase() {
    String alice = sessions.createNewSession("Alice", null, null).sessionHandle();
    String lower = sessions.createNewSession("alice", null, null).sessionHandle();
    String spaced = sessions.createNewSession("alice ", null, null).sessionHandle();

    assertEquals(List.of(alice), sessions.getAllSessionHandlesForUser("Alice"));
    assertEquals(List.of(lower), sessions.getAllSessionHandlesForUser("alice"));
    assertEquals(List.of(spaced), sessions.getAllSessionHandlesForUser("alice "));
    assertFalse(sessions.revokeSession(alice.toUpperCase(java.util.Locale.ROOT)));
    assertEquals(List.of(alice), sessions.revokeAllSessionsForUser("Alice"));
    assertEquals(List.of(lower), sessions.getAllSessionHandlesForUser("alice"));
    assertTrue(sessions.getSessionInformation(spaced).isPresent());
  }

  @Test
  void dataUpdatesRacingWithRefreshesNeverUndoARotation() {
    SessionTokens tokens = sessions.createNewSession("alice", null, null);
    SessionTokens current = tokens;
    for (int round = 0; round < 10; round++) {
      SessionTokens parent = current;
      CompletableFuture<SessionTokens> refresh =
          CompletableFuture.supplyAsync(
              () -> sessions.refreshSession(parent.refreshToken().value(), parent.antiCsrfToken()));
      List<CompletableFuture<Boolean>> updates = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        JsonObject data = Json.createObjectBuilder().add("round", round).add("i", i).build();
        updates.add(
            CompletableFuture.supplyAsync(
                () -> sessions.updateSessionData(tokens.sessionHandle(), data)));
        updates.add(
            CompletableFuture.supplyAsync(
                () -> sessions.updateAccessTokenPayload(tokens.sessionHandle(), data)));
      }
      SessionTokens child = refresh.join();
      // Using the child promotes it; a stale write would put the parent back and make the next
      // refresh look like theft.
      current = sessions.refreshSession(child.refreshToken().value(), child.antiCsrfToken());
      updates.forEach(u -> assertTrue(u.join()));
    }
    assertTrue(baton.events().of(TokenTheftDetected.class).isEmpty());
  }

  @Test
  void purgeDeletesOnlyExpiredSessionsInBatches() {
    List<String> expiring = new ArrayList<>();
    for (int i = 0; i < SessionPurger.BATCH_SIZE + 20; i++) {
      expiring.add(sessions.createNewSession("old-" + i, null, null).sessionHandle());
    }
    baton.clock().advance(Duration.ofDays(60));
    SessionTokens live = sessions.createNewSession("alice", null, null);
    baton.clock().advance(Duration.ofDays(40));

    assertEquals(SessionPurger.BATCH_SIZE + 20, baton.bean(SessionPurger.class).purgeExpired());
    assertEquals(0, baton.bean(SessionPurger.class).purgeExpired());
    assertTrue(sessions.getSessionInformation(live.sessionHandle()).isPresent());
    baton.clock().advance(Duration.ofDays(-100));
    assertTrue(sessions.getSessionInformation(expiring.get(0)).isEmpty());
  }
}
