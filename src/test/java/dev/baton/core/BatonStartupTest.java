package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The back-off between start-up attempts while the database is away. The recovery itself runs on a
 * real Liberty server started during an outage ({@code HostOnLibertyIT}).
 */
class BatonStartupTest {

  @ParameterizedTest(name = "after {0} failed attempts wait {1} s")
  @CsvSource({"1, 1", "2, 2", "3, 4", "4, 8", "5, 16", "6, 30", "7, 30", "64, 30"})
  void retriesBackOffByDoublingUpToThirtySeconds(int failed, long seconds) {
    assertEquals(Duration.ofSeconds(seconds), BatonStartup.retryDelay(failed));
  }
}
