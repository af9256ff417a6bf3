package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.api.SessionTokens;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.MutableClock;
import dev.baton.testing.TestBaton;
import dev.baton.testing.TestDatabase;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Security review L12: the AES key that seals refresh tokens rotates on {@code
 * session.refresh-token-key.rotation}; tokens name the version of their key, and an old key opens
 * its tokens until the last of them is dead, so a rotation logs nobody out.
 */
// These tests are about the sliding idle timeout (the refresh validity, 100 days): no
// absolute lifetime ends their sessions first (AbsoluteLifetimeTest covers that).
@BatonTest(config = "session.absolute-lifetime=P1000D")
class RefreshKeyRotationTest {

  private static final Duration ROTATION = Duration.ofDays(7);
  private static final Duration VALIDITY = Duration.ofDays(100);

  private final TestBaton baton;
  private final MutableClock clock;

  RefreshKeyRotationTest(TestBaton baton, MutableClock clock) {
    this.baton = baton;
    this.clock = clock;
  }

  @Test
  void aRotationLogsNobodyOut() {
    SessionTokens alice = baton.sessions().createNewSession("alice", null, null);
    SessionTokens bob = baton.sessions().createNewSession("bob", null, null);

    clock.advance(ROTATION.plusHours(1));
    SessionTokens aliceAfter = baton.refresh(alice);
    SessionTokens bobAfter = baton.refresh(bob);

    assertNotEquals(keyVersion(alice), keyVersion(aliceAfter), "sealed with the new key");
    assertEquals(keyVersion(aliceAfter), keyVersion(bobAfter));
    baton.refresh(baton.refresh(aliceAfter));
    baton.sessions().getSession(bobAfter.accessToken().value(), null, false);
  }

  /**
   * The longest a token can live: sealed just before its key stops sealing, as the child of a
   * parent that was just confirmed (so the session ends a validity later); used for the first time
   * just before that end, which extends the session by another validity; and used again just before
   * the new end, because the answer was lost. Purges in between keep its key; the next one after
   * the session ended deletes it.
   */
  @Test
  void aKeyOpensItsTokensUntilTheLastOfThemIsDead() {
    SessionTokens login = baton.sessions().createNewSession("alice", null, null);
    clock.advance(ROTATION.minusMinutes(1));
    SessionTokens child = baton.refresh(login);
    SessionTokens lastOfOldKey = baton.refresh(child); // confirms the child
    clock.advance(VALIDITY.minusMinutes(1));
    baton.refresh(lastOfOldKey); // its first use extends the session, and the answer is lost
    clock.advance(VALIDITY.minusMinutes(1));
    purge();

    SessionTokens retried = baton.refresh(lastOfOldKey);

    assertNotEquals(keyVersion(lastOfOldKey), keyVersion(retried));
    clock.advance(Duration.ofMinutes(2));
    assertThrows(UnauthorisedException.class, () -> baton.refresh(retried), "the session ended");
    purge();
    assertEquals(1L, oldKeys(lastOfOldKey), "kept until two validities after it stopped sealing");
    clock.advance(Duration.ofMinutes(1));
    purge();
    assertEquals(0L, oldKeys(lastOfOldKey), "then no token of it can be alive: deleted");
  }

  private long oldKeys(SessionTokens sealedWithIt) {
    return baton
        .database()
        .count(
            "SELECT COUNT(*) FROM baton_refresh_key WHERE version = " + keyVersion(sealedWithIt));
  }

  @Test
  void aTokenSealedWithAKeyAnotherServerCreatedOpensThere() {
    try (TestDatabase database = TestDatabase.create()) {
      MutableClock shared = new MutableClock(TestBaton.START);
      try (TestBaton a = TestBaton.builder().database(database).clock(shared).start();
          TestBaton b = TestBaton.builder().database(database).clock(shared).start()) {
        SessionTokens login = a.sessions().createNewSession("alice", null, null);
        shared.advance(ROTATION.minusSeconds(30));
        a.bean(KeyRing.class).maintain(); // a creates the next key; b has not re-read the keys
        shared.advance(Duration.ofMinutes(1));

        SessionTokens fromA = a.refresh(login);

        assertNotEquals(keyVersion(login), keyVersion(fromA));
        b.refresh(fromA);
      }
    }
  }

  private void purge() {
    baton.bean(SessionPurger.class).purgeExpired();
    baton.bean(KeyRing.class).maintain();
  }

  private static int keyVersion(SessionTokens tokens) {
    byte[] raw = Base64.getUrlDecoder().decode(tokens.refreshToken().value());
    return ByteBuffer.wrap(raw, 1, 4).getInt();
  }
}
