package dev.baton.jaxrs.mapper;

import dev.baton.core.FaultSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs repeated server faults: one line for each, with its correlation id, and the stack trace at
 * most once per {@link #TRACE_INTERVAL}. A database outage fails every request the same way;
 * without this, each would add the same fifty-line trace and bury what an operator looks for.
 */
final class FaultLog {

  static final Duration TRACE_INTERVAL = Duration.ofMinutes(1);

  private final Logger log;
  private final AtomicReference<Instant> lastTrace = new AtomicReference<>(Instant.MIN);
  private final AtomicLong withoutTrace = new AtomicLong();

  FaultLog(Logger log) {
    this.log = log;
  }

  /**
   * Logs one fault at WARNING.
   *
   * @param message what the client was told
   * @param correlationId the id the response carries
   * @param fault the cause
   * @param now the time of the fault
   */
  void log(String message, String correlationId, Throwable fault, Instant now) {
    Instant last = lastTrace.get();
    String line = message + " [correlationId=" + correlationId + "]";
    if (!now.isBefore(last.plus(TRACE_INTERVAL)) && lastTrace.compareAndSet(last, now)) {
      long skipped = withoutTrace.getAndSet(0);
      log.log(
          Level.WARNING,
          fault,
          () -> skipped == 0 ? line : line + " (" + skipped + " more since the last stack trace)");
    } else {
      withoutTrace.incrementAndGet();
      log.warning(() -> line + ": " + FaultSummary.withMessages(fault));
    }
  }
}
