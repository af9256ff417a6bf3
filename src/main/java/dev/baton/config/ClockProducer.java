package dev.baton.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The system clock in UTC, qualified {@link BatonClock}; tests replace this bean with a clock they
 * move by hand.
 */
@ApplicationScoped
class ClockProducer {

  /**
   * The clock every time-dependent part of Baton reads.
   *
   * @return the UTC system clock
   */
  @Produces
  @BatonClock
  public Clock clock() {
    return Clock.systemUTC();
  }
}
