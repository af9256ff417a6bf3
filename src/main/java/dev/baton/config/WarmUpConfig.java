package dev.baton.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The load a server sends itself before it reports ready, so that its first real users meet
 * compiled code instead of an interpreter.
 *
 * @param url {@code session.warm-up.url}: this server's own address of Baton's endpoints, such as
 *     {@code http://localhost:9080/auth}; default none, which turns the warm-up off
 * @param maxDuration {@code session.warm-up.max-duration}: the longest the warm-up may hold
 *     readiness back, default {@code PT2M}; it ends sooner when the JIT compiler has gone quiet
 */
public record WarmUpConfig(Optional<URI> url, Duration maxDuration) {

  /**
   * Whether the server warms up before it reports ready.
   *
   * @return true when a URL is configured
   */
  public boolean enabled() {
    return url.isPresent();
  }
}
