package dev.baton.bench;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.testing.TestBaton;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * In-process costs of the session engine on H2, against raw RS256 verification of the same token
 * with the JDK in the same run. {@code getSession} repeats one token, as a client does between
 * refreshes, so it is served by the verified-token cache; {@code getSessionUncached} turns the
 * cache off and pays the RSA check every time. Verification is measured on one thread, so the ratio
 * is not blurred by two threads competing with the JIT and GC for two cores; creating and
 * refreshing use both cores. Run with {@code mvn -Pbench verify} (see BENCHMARKS.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SessionBenchmark {

  /** One Baton on an in-memory H2 database, shared by all benchmark threads. */
  @State(Scope.Benchmark)
  public static class Engine {
    TestBaton baton;
    SessionService sessions;
    SessionTokens tokens;
    PublicKey publicKey;
    byte[] signingInput;
    byte[] signature;

    @Setup(Level.Trial)
    public void start() {
      start(TestBaton.start());
    }

    void start(TestBaton started) {
      baton = started;
      sessions = baton.sessions();
      tokens = sessions.createNewSession("alice", null, null);
      publicKey = PublicKeys.of(baton);
      String jwt = tokens.accessToken().value();
      int lastDot = jwt.lastIndexOf('.');
      signingInput = jwt.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
      signature = Base64.getUrlDecoder().decode(jwt.substring(lastDot + 1));
    }

    @TearDown(Level.Trial)
    public void stop() {
      baton.close();
    }
  }

  /** The same, with the verified-token cache off: every call pays the RSA check. */
  @State(Scope.Benchmark)
  public static class UncachedEngine extends Engine {
    @Override
    @Setup(Level.Trial)
    public void start() {
      start(TestBaton.start("session.access-token.cache-size", "0"));
    }
  }

  /** Each thread's own session, refreshed the way a client does: always with the newest token. */
  @State(Scope.Thread)
  public static class Lineage {
    SessionTokens current;

    @Setup(Level.Iteration)
    public void login(Engine engine) {
      current = engine.sessions.createNewSession("refresher", null, null);
    }
  }

  @Benchmark
  @Threads(1)
  public boolean rawRs256Verification(Engine engine) throws Exception {
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(engine.publicKey);
    rs256.update(engine.signingInput);
    return rs256.verify(engine.signature);
  }

  @Benchmark
  @Threads(1)
  public Object getSession(Engine engine) {
    return engine.sessions.getSession(engine.tokens.accessToken().value(), null, false);
  }

  @Benchmark
  @Threads(1)
  public Object getSessionUncached(UncachedEngine engine) {
    return engine.sessions.getSession(engine.tokens.accessToken().value(), null, false);
  }

  @Benchmark
  @Threads(2)
  public Object createNewSession(Engine engine) {
    return engine.sessions.createNewSession("bob", null, null);
  }

  @Benchmark
  @Threads(2)
  public Object refreshSession(Engine engine, Lineage lineage) {
    lineage.current =
        engine.sessions.refreshSession(
            lineage.current.refreshToken().value(), lineage.current.antiCsrfToken());
    return lineage.current;
  }
}
