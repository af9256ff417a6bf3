package dev.baton.jaxrs;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.config.WarmUpConfig;
import dev.baton.core.BatonStartup;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Before the server reports ready, sends it what its users will send, so that the JIT compiler has
 * compiled the refresh path when a load balancer sends the first real request: a cold Open Liberty
 * server on two cores otherwise serves its first minute at about half speed (BENCHMARKS.md).
 *
 * <p>With {@code session.warm-up.url} set, it starts a session for each of a few synthetic users
 * ({@value #USER_PREFIX}1, 2, …), then its clients refresh them over HTTP through this server's own
 * endpoints, and now and then list their sessions (a verified request), until the JIT compiler has
 * been quiet for {@link #WINDOW} or {@code session.warm-up.max-duration} has passed. The clients
 * then sign out, and readiness turns UP. Real users' sessions are never touched; the synthetic ones
 * raise Baton's events and count in its metrics like any other.
 */
@ApplicationScoped
class WarmUp {

  static final String USER_PREFIX = "baton-warm-up-";

  /** How long the compiler must stay quiet. */
  static final Duration WINDOW = Duration.ofSeconds(5);

  /** Quiet: compiling for less than this share of the window's wall time. */
  static final double QUIET_SHARE = 0.05;

  /**
   * An observer's priority: after {@link BatonStartup}'s, which has the default, {@code
   * Interceptor.Priority.APPLICATION + 500} (CDI 4.0, section 10.5.2).
   */
  private static final int AFTER_BATON_STARTUP = 2600;

  private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());

  /** A request the server does not answer within this is a failure, not a wait. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** Enough concurrent clients to keep every core busy while some wait on the database. */
  private static final int CLIENTS_PER_CORE = 4;

  /** One in this many requests is a verified one; the rest are refreshes. */
  private static final int VERIFIED_EVERY = 4;

  /** What the warm-up is doing, as the readiness check reports it. */
  enum State {
    OFF,
    RUNNING,
    DONE,
    SKIPPED
  }

  @Inject WarmUpConfig config;
  @Inject SessionService sessions;
  @Inject BatonStartup startup;

  private final LongAdder refreshes = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private volatile State state = State.OFF;
  private volatile boolean stopping;

  /** After {@link BatonStartup} has started (a later priority), while the container starts. */
  void onStart(
      @Observes @Priority(AFTER_BATON_STARTUP) @Initialized(ApplicationScoped.class)
          Object ignored) {
    if (!config.enabled()) {
      return;
    }
    Optional<String> notReady = startup.notReadyBecause();
    if (notReady.isPresent()) {
      // The database is down: readiness waits for Baton's own start-up retries instead.
      state = State.SKIPPED;
      LOG.warning(() -> "Baton skips its warm-up: not ready at start (" + notReady.get() + ")");
      return;
    }
    // Sessions are started here, on the container's thread, where transactions work everywhere;
    // the clients only speak HTTP.
    int clients = CLIENTS_PER_CORE * Runtime.getRuntime().availableProcessors();
    List<SessionTokens> tokens = new ArrayList<>();
    for (int i = 1; i <= clients; i++) {
      tokens.add(sessions.createNewSession(USER_PREFIX + i, null, null));
    }
    state = State.RUNNING;
    Thread driver = new Thread(() -> run(tokens), "baton-warm-up");
    driver.setDaemon(true);
    driver.start();
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
    stopping = true;
  }

  /**
   * What readiness reports.
   *
   * @return the state
   */
  State state() {
    return state;
  }

  /**
   * Refreshes answered 200 so far.
   *
   * @return the count
   */
  long refreshes() {
    return refreshes.sum();
  }

  /**
   * Whether the compiler was quiet in a window: it compiled for less than {@link #QUIET_SHARE} of
   * it. The total of all compiler threads counts, so two busy threads count twice.
   *
   * @param compilingMillis compilation time added during the window
   * @param window the window's wall time
   * @return true when quiet
   */
  static boolean compilerQuiet(long compilingMillis, Duration window) {
    return compilingMillis < window.toMillis() * QUIET_SHARE;
  }

  private void run(List<SessionTokens> tokens) {
    long started = System.nanoTime();
    // HTTP/1.1, as a load balancer speaks to a server: the client's default offers an upgrade to
    // HTTP/2 (h2c) on every request, which Open Liberty answers on a path of its own, and where a
    // POST without a body hung until its timeout (found by SessionHttpIT).
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT)
            .build();
    List<Client> clients = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (SessionTokens session : tokens) {
      Client client = new Client(http, session);
      Thread thread = new Thread(client::load, "baton-warm-up-client");
      thread.setDaemon(true);
      thread.start();
      clients.add(client);
      threads.add(thread);
    }
    List<String> compiling = waitForQuietCompiler(started);
    stopping = true;
    try {
      for (Thread thread : threads) {
        // A request under way ends within its timeout; the client then sees the stop.
        thread.join(REQUEST_TIMEOUT.multipliedBy(2).toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long ended = clients.stream().filter(Client::signOut).count();
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    LOG.info(
        () ->
            "Baton warmed up in "
                + seconds
                + " s: "
                + refreshes.sum()
                + " refreshes over "
                + config.url().orElseThrow()
                + ", "
                + failures.sum()
                + " failed requests, ended "
                + ended
                + " of "
                + clients.size()
                + " synthetic sessions; the JIT compiler's share of each 5 s: "
                + compiling);
    state = State.DONE;
  }

  /** Waits for the end of the warm-up and gives the compiler's share of each window. */
  private List<String> waitForQuietCompiler(long started) {
    List<String> compiling = new ArrayList<>();
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    boolean measurable = compiler != null && compiler.isCompilationTimeMonitoringSupported();
    long deadline = started + config.maxDuration().toNanos();
    long before = measurable ? compiler.getTotalCompilationTime() : 0;
    while (!stopping && System.nanoTime() < deadline) {
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      if (!sleep(left.compareTo(WINDOW) < 0 ? left : WINDOW)) {
        break;
      }
      if (measurable) {
        long now = compiler.getTotalCompilationTime();
        compiling.add(Math.round(100.0 * (now - before) / WINDOW.toMillis()) + "%");
        // Only windows with traffic count: a compiler is also quiet on a server nobody calls.
        if (refreshes.sum() > 0 && compilerQuiet(now - before, WINDOW)) {
          break;
        }
        before = now;
      }
    }
    return compiling;
  }

  private static boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** One synthetic user: refreshes with the newest token, as the SDK does, until told to stop. */
  private final class Client {

    private final HttpClient http;
    private final URI base;
    private final String sessionHandle;
    // Written by the client's thread, read by the driver's when it signs out.
    private volatile String accessToken;
    private volatile String refreshToken;

    Client(HttpClient http, SessionTokens session) {
      this.http = http;
      this.base = config.url().orElseThrow();
      this.sessionHandle = session.sessionHandle();
      this.accessToken = session.accessToken().value();
      this.refreshToken = session.refreshToken().value();
    }

    void load() {
      for (long i = 1; !stopping; i++) {
        try {
          if (i % VERIFIED_EVERY == 0) {
            send(request("/sessions", accessToken).GET());
          } else {
            HttpResponse<Void> refreshed =
                send(
                    request("/session/refresh", refreshToken)
                        .POST(HttpRequest.BodyPublishers.noBody()));
            Optional<String> access = refreshed.headers().firstValue("st-access-token");
            Optional<String> refresh = refreshed.headers().firstValue("st-refresh-token");
            if (refreshed.statusCode() == 200 && access.isPresent() && refresh.isPresent()) {
              accessToken = access.get();
              refreshToken = refresh.get();
              refreshes.increment();
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (IOException e) {
          // Not listening yet, or restarting: the deadline bounds the retries.
          failures.increment();
          if (!sleep(Duration.ofMillis(200))) {
            return;
          }
        }
      }
    }

    /** Ends the session over HTTP, or in-process when that fails; true when it ended. */
    boolean signOut() {
      try {
        if (send(request("/signout", accessToken).POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()
            == 200) {
          return true;
        }
      } catch (IOException e) {
        // revoked below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        sessions.revokeSession(sessionHandle);
        return true;
      } catch (RuntimeException e) {
        // It expires like any idle session; its user is synthetic.
        LOG.warning(
            () ->
                "Baton's warm-up could not end its session " + sessionHandle + ": " + e.getClass());
        return false;
      }
    }

    private HttpRequest.Builder request(String path, String token) {
      return HttpRequest.newBuilder(URI.create(base + path))
          .timeout(REQUEST_TIMEOUT)
          .header("Authorization", "Bearer " + token)
          .header("st-auth-mode", "header");
    }

    private HttpResponse<Void> send(HttpRequest.Builder request)
        throws IOException, InterruptedException {
      HttpResponse<Void> response =
          http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        failures.increment();
      }
      return response;
    }
  }
}
