package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.api.SessionRevoked;
import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.exception.SessionLimitExceededException;
import dev.baton.testing.Concurrently;
import dev.baton.testing.MutableClock;
import dev.baton.testing.TestBaton;
import dev.baton.testing.TestDatabase;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-user limit holds when one user's logins race on two servers (two CDI containers, two
 * pools) on one database: on PostgreSQL and MariaDB in {@code mvn verify}, on H2 in {@code mvn
 * test}. Each pair of servers has its own policy; each test its own user.
 */
class SessionLimitTwoServersTest {

  private static final int LIMIT = 3;
  private static final int LOGINS = 24;

  private static TestDatabase database;
  private static TestBaton evictA;
  private static TestBaton evictB;
  private static TestBaton refuseA;
  private static TestBaton refuseB;

  @BeforeAll
  static void start() {
    database = TestDatabase.create();
    MutableClock clock = new MutableClock(TestBaton.START);
    evictA = server(clock, "evict-least-recently-used");
    evictB = server(clock, "evict-least-recently-used");
    refuseA = server(clock, "refuse");
    refuseB = server(clock, "refuse");
  }

  private static TestBaton server(MutableClock clock, String policy) {
    return TestBaton.builder()
        .database(database)
        .clock(clock)
        .config("session.max-sessions-per-user", Integer.toString(LIMIT))
        .config("session.max-sessions-per-user.policy", policy)
        .start();
  }

  @AfterAll
  static void stop() {
    Stream.of(evictA, evictB, refuseA, refuseB).forEach(TestBaton::close);
    database.close();
  }

  @Test
  void concurrentLoginsOnTwoServersEvictDownToTheLimit() throws Exception {
    List<SessionTokens> logins =
        Concurrently.run(
            LOGINS,
            i -> {
              SessionService server = i % 2 == 0 ? evictA.sessions() : evictB.sessions();
              return () -> server.createNewSession("alice", null, null);
            });

    Set<String> live = new HashSet<>(evictA.sessions().getAllSessionHandlesForUser("alice"));
    Set<String> evicted = new HashSet<>();
    Stream.of(evictA, evictB)
        .flatMap(s -> s.events().of(SessionRevoked.class).stream())
        .forEach(
            e -> {
              assertEquals(SessionRevoked.Reason.EVICTED, e.reason());
              evicted.add(e.sessionHandle());
            });

    assertEquals(LIMIT, live.size(), "never more than the limit");
    assertEquals(LOGINS - LIMIT, evicted.size(), "each other login was evicted once");
    Set<String> all = new HashSet<>(live);
    all.addAll(evicted);
    assertEquals(LOGINS, all.size(), "every login is either live or evicted");
    assertEquals(LOGINS, logins.size());
  }

  @Test
  void concurrentLoginsOnTwoServersAreRefusedBeyondTheLimit() throws Exception {
    List<Optional<SessionTokens>> logins =
        Concurrently.run(
            LOGINS,
            i -> {
              SessionService server = i % 2 == 0 ? refuseA.sessions() : refuseB.sessions();
              return () -> {
                try {
                  return Optional.of(server.createNewSession("bob", null, null));
                } catch (SessionLimitExceededException e) {
                  return Optional.empty();
                }
              };
            });

    assertEquals(LIMIT, logins.stream().filter(Optional::isPresent).count());
    assertEquals(LIMIT, refuseB.sessions().getAllSessionHandlesForUser("bob").size());
  }
}
