package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** One-line summaries of a fault: with messages for the log, class names only for the public. */
class FaultSummaryTest {

  private static final RuntimeException FAULT =
      new IllegalStateException(
          "migration failed",
          new SQLException("FATAL: password authentication failed for user \"app\"\nsecond line"));

  @Test
  void theLogSummaryNamesEachCauseWithTheFirstLineOfItsMessage() {
    assertEquals(
        "IllegalStateException: migration failed <- SQLException: FATAL: password"
            + " authentication failed for user \"app\"",
        FaultSummary.withMessages(FAULT));
  }

  @Test
  void thePublicSummaryCarriesNoMessage() {
    String summary = FaultSummary.typesOnly(FAULT);
    assertEquals("IllegalStateException <- SQLException", summary);
    assertFalse(summary.contains("app"));
  }
}
