package dev.baton.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Await;
import dev.baton.testing.TestBaton;
import java.net.ServerSocket;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The warm-up's life around readiness. Its load over HTTP against a real server is tested on Open
 * Liberty ({@code SessionHttpIT}); here the server cannot reach itself, which is the case that must
 * not keep it out of service.
 */
class WarmUpTest {

  @Test
  void withoutAUrlThereIsNoWarmUpAndReadinessIsUp() {
    try (TestBaton baton =
        TestBaton.builder().beans(WarmUp.class, WarmUpReadinessCheck.class).start()) {
      assertEquals(WarmUp.State.OFF, baton.bean(WarmUp.class).state());
      assertEquals(HealthCheckResponse.Status.UP, readiness(baton).getStatus());
      assertTrue(baton.sessions().getSessionsOfUser(WarmUp.USER_PREFIX + 1).isEmpty());
    }
  }

  @Test
  void aServerThatCannotReachItselfIsNotReadyUntilTheMaxDurationThenEndsItsSessions()
      throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (TestBaton baton =
        TestBaton.builder()
            .beans(WarmUp.class, WarmUpReadinessCheck.class)
            .config("session.warm-up.url", "http://127.0.0.1:" + closedPort + "/auth")
            .config("session.warm-up.max-duration", "PT2S")
            .start()) {
      WarmUp warmUp = baton.bean(WarmUp.class);
      // Running from the container's start: it cannot end before two seconds have passed.
      assertEquals(WarmUp.State.RUNNING, warmUp.state());
      assertEquals(HealthCheckResponse.Status.DOWN, readiness(baton).getStatus());
      // Four clients per core, each with a session of its own synthetic user.
      int users = 4 * Runtime.getRuntime().availableProcessors();
      for (int i = 1; i <= users; i++) {
        assertEquals(1, baton.sessions().getSessionsOfUser(WarmUp.USER_PREFIX + i).size());
      }
      assertTrue(baton.sessions().getSessionsOfUser(WarmUp.USER_PREFIX + (users + 1)).isEmpty());

      Await.until(
          "the warm-up gives up",
          Duration.ofSeconds(30),
          () -> warmUp.state() == WarmUp.State.DONE);
      HealthCheckResponse ready = readiness(baton);
      assertEquals(HealthCheckResponse.Status.UP, ready.getStatus());
      assertEquals(0L, ready.getData().orElseThrow().get("refreshes"));
      for (int i = 1; i <= users; i++) {
        assertTrue(
            baton.sessions().getSessionsOfUser(WarmUp.USER_PREFIX + i).isEmpty(), "user " + i);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"0, true", "249, true", "250, false", "5000, false"})
  void theCompilerIsQuietWhenItCompiledForLessThanATwentiethOfTheWindow(
      long compilingMillis, boolean quiet) {
    assertEquals(quiet, WarmUp.compilerQuiet(compilingMillis, Duration.ofSeconds(5)));
  }

  private static HealthCheckResponse readiness(TestBaton baton) {
    return baton.bean(WarmUpReadinessCheck.class, Readiness.Literal.INSTANCE).call();
  }
}
