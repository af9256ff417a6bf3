package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.api.SessionTokens;
import dev.baton.api.exception.TryRefreshTokenException;
import dev.baton.testing.Jwts;
import dev.baton.testing.MutableClock;
import dev.baton.testing.TestBaton;
import dev.baton.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Signing keys: created once, shared through the database, rotated, retired, published. */
class SigningKeyTest {

  @Test
  void firstStartCreatesOneKeyAndPublishesItAsJwks() throws Exception {
    try (TestBaton baton = TestBaton.start()) {
      JsonObject jwks = baton.bean(KeyRing.class).jwks();
      assertEquals(1, jwks.getJsonArray("keys").size());
      JsonObject key = jwks.getJsonArray("keys").getJsonObject(0);
      SessionTokens tokens = baton.sessions().createNewSession("alice", null, null);
      assertAll(
          () -> assertEquals("RSA", key.getString("kty")),
          () -> assertEquals("RS256", key.getString("alg")),
          () -> assertEquals("sig", key.getString("use")),
          () ->
              assertEquals(
                  Jwts.header(tokens.accessToken().value()).getString("kid"), key.getString("kid")),
          () ->
              assertEquals(true, Jwts.verifies(tokens.accessToken().value(), Jwts.publicKey(key))));
    }
  }

  @Test
  void serversSharingADatabaseUseTheSameKeysAcrossRestarts() {
    try (TestDatabase database = TestDatabase.create()) {
      SessionTokens tokens;
      try (TestBaton first = TestBaton.builder().database(database).start()) {
        tokens = first.sessions().createNewSession("alice", null, null);
      }
      try (TestBaton restarted = TestBaton.builder().database(database).start()) {
        assertEquals(
            "alice",
            restarted.sessions().getSession(tokens.accessToken().value(), null, false).userId());
        restarted.sessions().refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken());
      }
    }
  }

  @Test
  void serversStartingTogetherOnAnEmptyDatabaseCreateExactlyOneKey() {
    try (TestDatabase database = TestDatabase.create()) {
      MutableClock clock = new MutableClock(TestBaton.START);
      List<CompletableFuture<TestBaton>> starting = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        starting.add(
            CompletableFuture.supplyAsync(
                () -> TestBaton.builder().database(database).clock(clock).start()));
      }
      List<TestBaton> servers = starting.stream().map(CompletableFuture::join).toList();
      try {
        assertEquals(
            1,
            servers.stream()
                .map(s -> s.bean(KeyRing.class).signingKey().kid())
                .collect(Collectors.toSet())
                .size());
        assertEquals(1, servers.get(0).bean(KeyRing.class).jwks().getJsonArray("keys").size());
      } finally {
        servers.forEach(TestBaton::close);
      }
    }
  }

  @Test
  void keyRotatesAfterItsIntervalAndTheOldKeyStillVerifies() {
    try (TestBaton baton = TestBaton.start()) {
      SessionTokens before = baton.sessions().createNewSession("alice", null, null);
      baton.clock().advance(Duration.ofDays(7).minusMinutes(30));
      SessionTokens lastOfOldKey = baton.sessions().createNewSession("alice", null, null);
      baton.clock().advance(Duration.ofMinutes(30));
      SessionTokens after = baton.sessions().createNewSession("alice", null, null);

      String oldKid = Jwts.header(before.accessToken().value()).getString("kid");
      assertEquals(oldKid, Jwts.header(lastOfOldKey.accessToken().value()).getString("kid"));
      assertNotEquals(oldKid, Jwts.header(after.accessToken().value()).getString("kid"));
      assertEquals(2, baton.bean(KeyRing.class).jwks().getJsonArray("keys").size());
      baton.sessions().getSession(lastOfOldKey.accessToken().value(), null, false);
    }
  }

  @Test
  void keyRotatedByOneServerIsHonouredByAnother() {
    try (TestDatabase database = TestDatabase.create()) {
      MutableClock clock = new MutableClock(TestBaton.START);
      try (TestBaton a = TestBaton.builder().database(database).clock(clock).start();
          TestBaton b = TestBaton.builder().database(database).clock(clock).start()) {
        clock.advance(Duration.ofDays(7));
        SessionTokens fromA = a.sessions().createNewSession("alice", null, null);
        assertEquals(
            "alice", b.sessions().getSession(fromA.accessToken().value(), null, false).userId());
        SessionTokens fromB = b.sessions().createNewSession("bob", null, null);
        assertEquals(
            Jwts.header(fromA.accessToken().value()).getString("kid"),
            Jwts.header(fromB.accessToken().value()).getString("kid"));
      }
    }
  }

  @Test
  void retiredKeysArePurgedOnceEveryTokenTheySignedHasExpired() {
    try (TestBaton baton = TestBaton.start()) {
      baton.clock().advance(Duration.ofDays(7));
      baton.sessions().createNewSession("alice", null, null);
      baton.clock().advance(Duration.ofMinutes(59));
      baton.bean(SessionPurger.class).purgeExpired();
      baton.bean(KeyRing.class).load();
      assertEquals(2, baton.bean(KeyRing.class).jwks().getJsonArray("keys").size());

      baton.clock().advance(Duration.ofMinutes(1));
      baton.bean(SessionPurger.class).purgeExpired();
      baton.bean(KeyRing.class).load();
      assertEquals(1, baton.bean(KeyRing.class).jwks().getJsonArray("keys").size());
    }
  }

  @Test
  void tokenOfAnotherDeploymentIsRefused() {
    try (TestBaton one = TestBaton.start();
        TestBaton other = TestBaton.start()) {
      String foreign = other.sessions().createNewSession("alice", null, null).accessToken().value();
      assertThrows(
          TryRefreshTokenException.class, () -> one.sessions().getSession(foreign, null, false));
    }
  }
}
