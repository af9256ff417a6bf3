package dev.baton.jaxrs.mapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.LogCapture;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultLogTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final RuntimeException OUTAGE =
      new IllegalStateException(
          "could not commit",
          new SQLTransientConnectionException("Connection is not available\nsecond line"));

  private static final String LOGGER = "dev.baton.test.FaultLogTest";

  private final FaultLog faults = new FaultLog(Logger.getLogger(LOGGER));
  private LogCapture capture;

  @BeforeEach
  void capture() {
    capture = LogCapture.of(LOGGER);
  }

  @AfterEach
  void release() {
    capture.close();
  }

  @Test
  void firstFaultIsLoggedWithItsStackTrace() {
    faults.log("session store unavailable", "id-1", OUTAGE, T0);
    assertEquals(1, capture.records().size());
    assertEquals(OUTAGE, capture.records().get(0).getThrown());
    assertTrue(capture.records().get(0).getMessage().contains("[correlationId=id-1]"));
  }

  @Test
  void repeatedFaultsWithinAMinuteAreOneLineEachWithTheirCauses() {
    faults.log("session store unavailable", "id-1", OUTAGE, T0);
    faults.log("session store unavailable", "id-2", OUTAGE, T0.plusSeconds(59));

    LogRecord second = capture.records().get(1);
    assertNull(second.getThrown());
    assertEquals(
        "session store unavailable [correlationId=id-2]: IllegalStateException:"
            + " could not commit <- SQLTransientConnectionException: Connection is not available",
        second.getMessage());
  }

  @Test
  void traceReturnsAfterAMinuteAndCountsTheFaultsLoggedWithoutOne() {
    faults.log("session store unavailable", "id-1", OUTAGE, T0);
    faults.log("session store unavailable", "id-2", OUTAGE, T0.plusSeconds(10));
    faults.log("session store unavailable", "id-3", OUTAGE, T0.plusSeconds(20));
    faults.log("session store unavailable", "id-4", OUTAGE, T0.plus(FaultLog.TRACE_INTERVAL));

    LogRecord fourth = capture.records().get(3);
    assertNotNull(fourth.getThrown());
    assertEquals(
        "session store unavailable [correlationId=id-4]" + " (2 more since the last stack trace)",
        fourth.getMessage());
  }
}
