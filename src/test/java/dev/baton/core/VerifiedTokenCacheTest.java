package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.config.SessionConfigProducer;
import dev.baton.testing.MutableClock;
import dev.baton.testing.TestBaton;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The cache of verified access tokens: a hit skips the RSA check, a full cache first drops expired
 * entries and then starts again empty, and size 0 turns it off. Counted by how often the (stand-in)
 * signature check runs.
 */
class VerifiedTokenCacheTest {

  private final MutableClock clock = new MutableClock(TestBaton.START);
  private final AtomicInteger checks = new AtomicInteger();
  private final Set<String> removedKeys = new HashSet<>();

  private VerifiedTokenCache cache(int size) {
    VerifiedTokenCache cache = new VerifiedTokenCache();
    cache.config =
        SessionConfigProducer.read(
            new SmallRyeConfigBuilder()
                .withSources(
                    new PropertiesConfigSource(
                        Map.of("session.access-token.cache-size", String.valueOf(size)),
                        "test",
                        100))
                .build());
    cache.clock = clock;
    cache.keyRing =
        new KeyRing() {
          @Override
          boolean stillVerifies(String kid) {
            return !removedKeys.contains(kid);
          }
        };
    cache.init();
    return cache;
  }

  /** Each token expires after its number of minutes; all are signed by key "k1". */
  private final Function<String, VerifiedTokenCache.Entry> check =
      token -> {
        checks.incrementAndGet();
        Instant issued = TestBaton.START;
        return new VerifiedTokenCache.Entry(
            "k1",
            new AccessTokenClaims(
                "handle",
                "user",
                "hash1",
                null,
                null,
                JsonObject.EMPTY_JSON_OBJECT,
                issued,
                issued.plus(Duration.ofMinutes(Long.parseLong(token))),
                issued));
      };

  @Test
  void aSecondUseOfATokenIsNotCheckedAgain() {
    VerifiedTokenCache cache = cache(10);
    cache.verified("60", check);
    cache.verified("60", check);
    assertEquals(1, checks.get());
  }

  @Test
  void aFullCacheDropsExpiredEntriesFirst() {
    VerifiedTokenCache cache = cache(2);
    cache.verified("1", check);
    cache.verified("60", check);
    clock.advance(Duration.ofMinutes(1)); // "1" expires at this very instant
    cache.verified("30", check); // full: "1" goes, "60" stays
    assertEquals(3, checks.get());

    cache.verified("60", check);
    assertEquals(3, checks.get(), "the live entry was kept");
    cache.verified("1", check);
    assertEquals(4, checks.get(), "the expired entry was dropped");
  }

  @Test
  void aFullCacheOfLiveEntriesStartsAgainEmpty() {
    VerifiedTokenCache cache = cache(2);
    cache.verified("60", check);
    cache.verified("61", check);
    cache.verified("62", check); // nothing expired: the cache starts again with "62" only
    cache.verified("62", check);
    assertEquals(3, checks.get());
    cache.verified("60", check);
    assertEquals(4, checks.get());
  }

  /** Security review L3: a key deleted after a compromise takes its cached tokens with it. */
  @Test
  void anEntryDiesWithItsSigningKey() {
    VerifiedTokenCache cache = cache(10);
    cache.verified("60", check);
    cache.verified("60", check);
    assertEquals(1, checks.get());
    removedKeys.add("k1");
    cache.verified("60", check);
    assertEquals(2, checks.get(), "checked again once its key has gone");
  }

  @Test
  void sizeZeroChecksEveryTime() {
    VerifiedTokenCache cache = cache(0);
    cache.verified("60", check);
    cache.verified("60", check);
    assertEquals(2, checks.get());
  }
}
