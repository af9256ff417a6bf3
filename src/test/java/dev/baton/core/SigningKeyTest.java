package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionTokens;
import dev.baton.api.exception.TryRefreshTokenException;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.testing.Jwts;
import dev.baton.testing.MutableClock;
import dev.baton.testing.TestBaton;
import dev.baton.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * Security review L2. Server A signs, server B never does and serves the JWKS; both run their key
   * maintenance every interval, out of step. A verifier caches B's JWKS for its max-age. Through
   * three rotations, every key A signs with was in that cached copy, and in B's JWKS for at least
   * the max-age plus the clock skew before its first token.
   */
  @Test
  void aVerifierCachingTheJwksOfAServerThatNeverSignsNeverMeetsAnUnknownKeyId() {
    Duration skew = Duration.ofSeconds(10);
    Duration rotation = Duration.ofMinutes(30);
    try (TestDatabase database = TestDatabase.create()) {
      MutableClock clock = new MutableClock(TestBaton.START);
      TestBaton.Builder server =
          TestBaton.builder()
              .database(database)
              .clock(clock)
              .config("session.access-token.validity", rotation.toString())
              .config("session.signing-key.rotation", rotation.toString())
              .config("session.access-token.clock-skew", skew.toString());
      try (TestBaton a = server.start();
          TestBaton b = server.start()) {
        KeyRing signer = a.bean(KeyRing.class);
        KeyRing publisher = b.bean(KeyRing.class);
        Map<String, Instant> firstInJwksOfB = new HashMap<>();
        Map<String, Instant> firstSignedByA = new LinkedHashMap<>();
        Set<String> cachedJwks = Set.of();
        Instant cachedAt = Instant.MIN;
        long interval = KeyRing.MAINTENANCE_INTERVAL.toSeconds();
        for (long second = 0; second <= rotation.multipliedBy(3).toSeconds(); second += 5) {
          clock.set(TestBaton.START.plusSeconds(second));
          Instant now = clock.instant();
          if (second % interval == 0) {
            signer.maintain();
          }
          if ((second + 15) % interval == 0) {
            publisher.maintain();
          }
          for (String kid : publisher.knownKids()) {
            firstInJwksOfB.putIfAbsent(kid, now);
          }
          if (!now.isBefore(cachedAt.plus(KeyRing.JWKS_MAX_AGE))) {
            cachedJwks = kids(publisher.jwks());
            cachedAt = now;
          }
          String kid = signer.signingKey().kid();
          firstSignedByA.putIfAbsent(kid, now);
          assertTrue(
              cachedJwks.contains(kid), "the cached JWKS has the key A signs with at " + now);
        }
        assertEquals(4, firstSignedByA.size(), "three rotations");
        firstSignedByA.entrySet().stream()
            .skip(1) // the first key signed at once: there was nothing before it
            .forEach(
                signed ->
                    assertFalse(
                        firstInJwksOfB
                            .get(signed.getKey())
                            .plus(KeyRing.JWKS_MAX_AGE)
                            .plus(skew)
                            .isAfter(signed.getValue()),
                        "published long enough before it signed: " + signed.getKey()));
      }
    }
  }

  private static Set<String> kids(JsonObject jwks) {
    return jwks.getJsonArray("keys").stream()
        .map(key -> key.asJsonObject().getString("kid"))
        .collect(Collectors.toSet());
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

  /**
   * The README's key-compromise runbook, step for step: deleting the signing keys makes every
   * server sign with a new key at its next maintenance run and refuse the old keys' tokens with
   * "try refresh", so nobody is logged out; deleting the sessions then logs everyone out.
   */
  @Test
  void theCompromiseRunbookReplacesTheSigningKeysAndThenEndsEverySession() {
    try (TestBaton baton = TestBaton.start()) {
      SessionTokens tokens = baton.sessions().createNewSession("alice", null, null);
      baton.sessions().getSession(tokens.accessToken().value(), null, false); // cached as verified

      baton.database().execute("DELETE FROM baton_signing_key");
      baton.bean(KeyRing.class).maintain();

      assertThrows(
          TryRefreshTokenException.class,
          () -> baton.sessions().getSession(tokens.accessToken().value(), null, false));
      SessionTokens refreshed = baton.refresh(tokens);
      assertNotEquals(
          Jwts.header(tokens.accessToken().value()).getString("kid"),
          Jwts.header(refreshed.accessToken().value()).getString("kid"));

      baton.database().execute("DELETE FROM baton_session");
      assertThrows(UnauthorisedException.class, () -> baton.refresh(refreshed));
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
