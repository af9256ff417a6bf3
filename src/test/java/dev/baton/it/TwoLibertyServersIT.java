package dev.baton.it;

import static dev.baton.it.Browserless.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.it.Browserless.HeaderSession;
import dev.baton.testing.Await;
import dev.baton.testing.Concurrently;
import dev.baton.testing.CuttableProxy;
import dev.baton.testing.Jwts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Open Liberty servers behind an imaginary load balancer, started at the same moment on one
 * empty PostgreSQL database. The servers are made from the Liberty runtime the build installed,
 * with the demo's server.xml, the WAR and the PostgreSQL driver, configured by environment
 * (DB_KIND, DB_URL) exactly as the README tells users to, and a short key rotation. Beside them, a
 * downstream service (src/it/downstream) verifies their tokens with Liberty's MicroProfile JWT,
 * configured only with Baton's JWKS URL and issuer, as the README says.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoLibertyServersIT {

  private static final Path WLP = LibertyServer.WLP;
  private static ScratchPostgres database;
  private static List<LibertyServer> servers;
  private static final List<String> SERVERS = List.of("baton-pg-a", "baton-pg-b");
  private static final URI A = URI.create("http://localhost:9381");
  private static final URI B = URI.create("http://localhost:9382");
  private static final URI DOWNSTREAM = URI.create("http://localhost:9383");

  /**
   * Both servers rotate their signing key this often, so that a test can see a rotation. Longer
   * than the gap between the two servers' starts on a loaded machine (4 s seen), or the later one
   * would rightly rotate the first key away at start-up.
   */
  private static final Duration KEY_ROTATION = Duration.ofSeconds(15);

  /** A token of A's that the downstream service accepted when the class started. */
  private static String tokenIssuedAtStart;

  /** Server B reaches PostgreSQL through this proxy, so a test can take its database away. */
  private static CuttableProxy databaseOfB;

  @BeforeAll
  static void startBothAtOnce() throws Exception {
    database = ScratchPostgres.create("baton_it_");
    databaseOfB = new CuttableProxy(5432);
    servers =
        List.of(
            createServer(SERVERS.get(0), 9381, 5432),
            createServer(SERVERS.get(1), 9382, databaseOfB.port()),
            createDownstream());
    List<Process> starting = new ArrayList<>();
    for (LibertyServer server : servers.subList(0, 2)) {
      starting.add(server.launch("start"));
    }
    for (Process process : starting) {
      process.waitFor();
    }
    // After the two, so that it does not widen the gap between their starts.
    servers.get(2).launch("start").waitFor();
    LibertyServer.waitUntilReady(A, Duration.ofMinutes(3));
    LibertyServer.waitUntilReady(B, Duration.ofMinutes(3));
    // Deployed once it asks for a token: it has no health endpoint.
    Await.until(
        "the downstream service to deploy",
        Duration.ofMinutes(2),
        () -> {
          try {
            return new Browserless(DOWNSTREAM).get("/whoami").statusCode() == 401;
          } catch (IOException notYet) {
            return false;
          }
        });
    tokenIssuedAtStart = accessTokenWithGroup(A, "ken", "user");
    assertEquals(200, bearer(DOWNSTREAM, "GET", "/whoami", tokenIssuedAtStart).statusCode());
  }

  @AfterAll
  static void stopBoth() throws Exception {
    for (LibertyServer server : servers) {
      server.stop();
    }
    databaseOfB.close();
    database.close();
  }

  /**
   * Servers that start together on an empty database agree on one key per signing window (the next
   * ones are created ahead, and published before they sign), and sign with the same key.
   */
  @Test
  @Order(1)
  void serversThatStartedTogetherOnAnEmptyDatabaseCreatedOneSigningKeyPerWindow() throws Exception {
    assertTrue(count("SELECT COUNT(*) FROM baton_signing_key") >= 1);
    assertEquals(
        count("SELECT COUNT(*) FROM baton_signing_key"),
        count("SELECT COUNT(DISTINCT sign_from) FROM baton_signing_key"));
    assertTrue(publishes(A, Jwts.header(accessTokenFrom(B, "grace")).getString("kid")));
    assertTrue(publishes(B, Jwts.header(accessTokenFrom(A, "grace")).getString("kid")));
  }

  private static boolean publishes(URI server, String kid) throws Exception {
    return json(new Browserless(server).get("/auth/jwt/jwks.json")).getJsonArray("keys").stream()
        .anyMatch(key -> key.asJsonObject().getString("kid").equals(kid));
  }

  /**
   * A rotation on A: B verifies the new key's tokens, and so does the downstream MicroProfile JWT
   * service, which cached Baton's JWKS before the key signed.
   */
  @Test
  void keyRotatedByAIsHonouredByBAndByADownstreamService() throws Exception {
    String first = accessTokenWithGroup(A, "frank", "user");
    assertEquals(200, bearer(DOWNSTREAM, "GET", "/whoami", first).statusCode());
    String firstKid = Jwts.header(first).getString("kid");
    String rotated = null;
    Instant deadline = Instant.now().plus(KEY_ROTATION.multipliedBy(4));
    while (rotated == null && Instant.now().isBefore(deadline)) {
      String token = accessTokenWithGroup(A, "frank", "user");
      if (!Jwts.header(token).getString("kid").equals(firstKid)) {
        rotated = token;
      } else {
        Thread.sleep(250);
      }
    }
    assertNotNull(rotated, "A signed with a new key once the first one's time was up");

    assertEquals(200, bearer(B, "GET", "/demo/me", rotated).statusCode());
    String newKid = Jwts.header(rotated).getString("kid");
    assertTrue(publishes(B, newKid));
    HttpResponse<String> downstream = bearer(DOWNSTREAM, "GET", "/whoami", rotated);
    assertEquals(200, downstream.statusCode(), downstream.body());
  }

  @Test
  void aDownstreamMpJwtServiceTakesTheUserAndRolesFromBatonsTokens() throws Exception {
    String admin = accessTokenWithGroup(A, "ivy", "admin");
    HttpResponse<String> whoami = bearer(DOWNSTREAM, "GET", "/whoami", admin);
    assertEquals(200, whoami.statusCode(), whoami.body());
    assertEquals("ivy", json(whoami).getString("user"));
    assertEquals("ivy", json(whoami).getString("subject"));
    assertEquals(200, bearer(DOWNSTREAM, "GET", "/whoami/admin", admin).statusCode());

    String user = accessTokenWithGroup(B, "judy", "user");
    assertEquals(200, bearer(DOWNSTREAM, "GET", "/whoami", user).statusCode());
    assertEquals(403, bearer(DOWNSTREAM, "GET", "/whoami/admin", user).statusCode());
  }

  @Test
  void aDownstreamServiceRefusesATamperedTokenAndAnExpiredOne() throws Exception {
    String token = accessTokenWithGroup(A, "ken", "user");
    assertEquals(200, bearer(DOWNSTREAM, "GET", "/whoami", token).statusCode());
    String[] parts = token.split("\\.", -1);
    JsonObject promoted =
        Json.createObjectBuilder(Jwts.claims(token))
            .add("groups", Json.createArrayBuilder().add("admin"))
            .build();
    String tampered = parts[0] + "." + Jwts.encode(promoted) + "." + parts[2];
    assertEquals(401, bearer(DOWNSTREAM, "GET", "/whoami/admin", tampered).statusCode());

    // Issued when the class started (and accepted then), so most of its life has passed by now.
    long expiry = Jwts.claims(tokenIssuedAtStart).getJsonNumber("exp").longValue();
    Await.until(
        "the downstream service to refuse the token once it expired",
        KEY_ROTATION.multipliedBy(3),
        () -> bearer(DOWNSTREAM, "GET", "/whoami", tokenIssuedAtStart).statusCode() == 401);
    assertTrue(Instant.now().getEpochSecond() >= expiry, "refused for its expiry, not before");
  }

  @Test
  void logInOnACallOnBRefreshOnBCallOnA() throws Exception {
    HeaderSession login = new Browserless(A).headerLogin("alice");
    String access = login.accessToken();
    String refresh = login.refreshToken();

    assertEquals(200, bearer(B, "GET", "/demo/me", access).statusCode());
    HttpResponse<String> refreshed = bearer(B, "POST", "/auth/session/refresh", refresh);
    assertEquals(200, refreshed.statusCode());
    String newAccess = refreshed.headers().firstValue("st-access-token").orElseThrow();
    HttpResponse<String> onA = bearer(A, "GET", "/demo/me", newAccess);
    assertEquals(200, onA.statusCode());
    assertEquals("alice", json(onA).getString("userId"));
  }

  @Test
  void fiftyConcurrentRefreshesWithOneTokenOverBothServersLeaveOneLineage() throws Exception {
    HeaderSession login = new Browserless(A).headerLogin("bob");
    String refresh = login.refreshToken();
    String handle = login.sessionHandle();

    List<HttpResponse<String>> responses =
        Concurrently.run(
            50,
            i -> {
              URI server = i % 2 == 0 ? A : B;
              return () -> bearer(server, "POST", "/auth/session/refresh", refresh);
            });
    for (HttpResponse<String> response : responses) {
      assertEquals(200, response.statusCode(), response.body());
    }
    String kept = responses.get(31).headers().firstValue("st-refresh-token").orElseThrow();
    assertEquals(200, bearer(A, "POST", "/auth/session/refresh", kept).statusCode());
    assertNoTheftLogged(handle);
  }

  @Test
  void theftIsDetectedOnBForATokenRotatedOnA() throws Exception {
    HeaderSession login = new Browserless(A).headerLogin("carol");
    String stolen = login.refreshToken();
    String r1 =
        bearer(A, "POST", "/auth/session/refresh", stolen)
            .headers()
            .firstValue("st-refresh-token")
            .orElseThrow();
    assertEquals(200, bearer(A, "POST", "/auth/session/refresh", r1).statusCode());

    HttpResponse<String> thief = bearer(B, "POST", "/auth/session/refresh", stolen);
    assertEquals(401, thief.statusCode());
    assertEquals("token theft detected", json(thief).getString("message"));
    assertEquals(1, theftLines(login.sessionHandle()).size());
  }

  @Test
  @Order(1000)
  void aDatabaseOutageIsA503ThatLogsNobodyOut() throws Exception {
    HeaderSession login = new Browserless(B).headerLogin("erin");
    String refresh = login.refreshToken();
    String access = login.accessToken();
    databaseOfB.cut();
    try {
      HttpResponse<String> during = bearer(B, "POST", "/auth/session/refresh", refresh);
      assertEquals(503, during.statusCode(), during.body());
      assertEquals("session store unavailable", json(during).getString("message"));
      assertTrue(during.headers().firstValue("Retry-After").isPresent());
      assertTrue(during.headers().firstValue("st-refresh-token").isEmpty(), "tokens kept");
      assertTrue(during.headers().firstValue("front-token").isEmpty(), "tokens kept");
      assertEquals(
          200, bearer(B, "GET", "/demo/me", access).statusCode(), "verification needs no database");
      assertEquals(503, new Browserless(B).get("/health/ready").statusCode());
    } finally {
      databaseOfB.restore();
    }
    HttpResponse<String> after = Browserless.retryWhileUnavailable(() -> refreshOn(B, refresh));
    assertEquals(200, after.statusCode(), "the same refresh token works once the database is back");
  }

  /**
   * Rows held by a transaction that never ends, the way a server that lost its network mid-refresh
   * leaves them. Refreshes of 24 such sessions on B each wait {@code session.lock-timeout} (10 s
   * here) holding a connection, so B's pool (20, 5 s connection timeout) runs dry. Every one is
   * answered 503, none 401, and the tokens work once the rows are free.
   */
  @Test
  @Order(2000)
  void stuckRowsOfManySessionsDrainThePoolAndAre503sThatLogNobodyOut() throws Exception {
    List<String> refreshTokens = new ArrayList<>();
    List<String> handles = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      HeaderSession login = new Browserless(B).headerLogin("gina-" + i);
      refreshTokens.add(login.refreshToken());
      handles.add(login.sessionHandle());
    }
    List<HttpResponse<String>> answers;
    try (Connection stuck = lockRows(handles)) {
      answers =
          Concurrently.run(
              refreshTokens.stream()
                  .map(token -> (Callable<HttpResponse<String>>) () -> refreshOn(B, token))
                  .toList());
      stuck.rollback();
    }
    assertAllUnavailableWithTokensKept(answers);
    assertTrue(logLines(SERVERS.get(1), "J2CA0045E").size() > 0, "B's pool ran dry");

    for (String token : refreshTokens) {
      assertEquals(200, refreshOn(B, token).statusCode());
    }
    for (String handle : handles) {
      assertNoTheftLogged(handle);
    }
  }

  /**
   * One stuck session hammered by 24 requests on B: they take turns in memory, so they hold one
   * connection, not the whole pool, and another user refreshes on B while they all still wait.
   */
  @Test
  @Order(2001)
  void requestsOfOneStuckSessionLeaveThePoolToEveryoneElse() throws Exception {
    HeaderSession login = new Browserless(B).headerLogin("hank");
    String refresh = login.refreshToken();
    String handle = login.sessionHandle();
    String otherUser = new Browserless(B).headerLogin("ivy").refreshToken();
    List<HttpResponse<String>> answers;
    try (Connection stuck = lockRows(List.of(handle))) {
      ExecutorService clients = Executors.newFixedThreadPool(24);
      try {
        List<Future<HttpResponse<String>>> waiting =
            Concurrently.start(clients, Collections.nCopies(24, () -> refreshOn(B, refresh)));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // The first of them waits for the row in the database, the others for their turn in B.
        Await.until(
            "a request waits for the stuck row",
            Duration.ofSeconds(30),
            () -> database.lockWaiters() >= 1);
        assertEquals(200, refreshOn(B, otherUser).statusCode());
        assertTrue(
            waiting.stream().noneMatch(Future::isDone), "ivy had to wait for the stuck requests");
        // One connection waits for the row at a time; without the turns in memory all 20 of B's
        // would. When a wait runs out of session.lock-timeout, PostgreSQL may still list it for a
        // moment after the next request's wait began, so a busy machine can see two.
        int waiters = database.lockWaiters();
        assertTrue(waiters >= 1 && waiters <= 2, waiters + " connections wait for the stuck row");
        answers = Concurrently.results(waiting, deadline);
      } finally {
        clients.shutdownNow();
      }
      stuck.rollback();
    }
    assertAllUnavailableWithTokensKept(answers);
    assertEquals(200, refreshOn(B, refresh).statusCode());
    assertNoTheftLogged(handle);
  }

  /** Opens a transaction that holds the rows of these sessions until it is rolled back. */
  private static Connection lockRows(List<String> handles) throws Exception {
    Connection connection = database.connect();
    connection.setAutoCommit(false);
    try (Statement lock = connection.createStatement()) {
      lock.executeQuery(
              "SELECT handle FROM baton_session WHERE handle IN ('"
                  + String.join("','", handles)
                  + "') FOR UPDATE")
          .close();
    }
    return connection;
  }

  private static void assertAllUnavailableWithTokensKept(List<HttpResponse<String>> answers) {
    for (HttpResponse<String> answer : answers) {
      assertEquals(503, answer.statusCode(), answer.body());
      assertTrue(answer.headers().firstValue("Retry-After").isPresent());
      assertTrue(answer.headers().firstValue("st-refresh-token").isEmpty(), "tokens kept");
    }
  }

  private static HttpResponse<String> refreshOn(URI server, String refreshToken) throws Exception {
    return bearer(server, "POST", "/auth/session/refresh", refreshToken);
  }

  /** Runs last: it kills server A. */
  @Test
  @Order(Integer.MAX_VALUE)
  void aServerKilledInTheMiddleOfRefreshingLosesNothing() throws Exception {
    HeaderSession login = new Browserless(A).headerLogin("dave");
    String handle = login.sessionHandle();
    AtomicReference<String> inFlight = new AtomicReference<>(login.refreshToken());
    AtomicInteger refreshed = new AtomicInteger();
    ExecutorService background = Executors.newSingleThreadExecutor();
    Future<Exception> client =
        background.submit(
            () -> {
              while (true) {
                HttpResponse<String> response;
                try {
                  response = bearer(A, "POST", "/auth/session/refresh", inFlight.get());
                } catch (IOException serverGone) {
                  // A died with a refresh in flight: its token is what the client retries with.
                  return serverGone;
                }
                assertEquals(200, response.statusCode(), response.body());
                inFlight.set(response.headers().firstValue("st-refresh-token").orElseThrow());
                refreshed.incrementAndGet();
              }
            });
    try {
      Await.until(
          "20 refreshes on A",
          Duration.ofSeconds(60),
          () -> refreshed.get() >= 20 || client.isDone());
      long pid =
          Long.parseLong(
              Files.readString(WLP.resolve("usr/servers/.pid/" + SERVERS.get(0) + ".pid")).trim());
      new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor();
      // Rethrows the client's assertion failure, if it had one, and bounds its wait.
      Concurrently.results(List.of(client), System.nanoTime() + Duration.ofSeconds(30).toNanos());
      assertTrue(refreshed.get() >= 20, "A refreshed before it was killed");
    } finally {
      background.shutdownNow();
    }

    HttpResponse<String> retried = bearer(B, "POST", "/auth/session/refresh", inFlight.get());
    assertEquals(200, retried.statusCode(), retried.body());
    String next = retried.headers().firstValue("st-refresh-token").orElseThrow();
    assertEquals(200, bearer(B, "POST", "/auth/session/refresh", next).statusCode());
    assertNoTheftLogged(handle);
  }

  private static String accessTokenFrom(URI server, String userId) throws Exception {
    return new Browserless(server).headerLogin(userId).accessToken();
  }

  /** A header-mode demo login whose access token carries {@code groups: [group]}. */
  private static String accessTokenWithGroup(URI server, String userId, String group)
      throws Exception {
    HttpResponse<String> login =
        new Browserless(server)
            .post(
                "/demo/login",
                "{\"userId\":\""
                    + userId
                    + "\",\"accessTokenPayload\":{\"groups\":[\""
                    + group
                    + "\"]}}",
                "st-auth-mode",
                "header");
    assertEquals(200, login.statusCode(), login.body());
    return login.headers().firstValue("st-access-token").orElseThrow();
  }

  private static HttpResponse<String> bearer(URI server, String method, String path, String token)
      throws Exception {
    return new Browserless(server).bearer(method, path, token);
  }

  /**
   * No theft line for the session, read from logs that do hold this run's lines: each server's log
   * has its application's start message, so an empty result is not an unread file.
   */
  private static void assertNoTheftLogged(String handle) throws IOException {
    for (String server : SERVERS) {
      assertTrue(
          !logLines(server, "CWWKZ0001I").isEmpty(), server + "'s log holds its start message");
    }
    assertEquals(List.of(), theftLines(handle), "no false theft");
  }

  private static List<String> theftLines(String handle) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String server : SERVERS) {
      logLines(server, "event=token_theft_detected").stream()
          .filter(l -> l.contains("sessionHandle=" + handle))
          .forEach(lines::add);
    }
    return lines;
  }

  private static List<String> logLines(String server, String containing) throws IOException {
    Path log = WLP.resolve("usr/servers/" + server + "/logs/messages.log");
    try (Stream<String> all = Files.lines(log)) {
      return all.filter(l -> l.contains(containing)).toList();
    }
  }

  private static LibertyServer createServer(String name, int port, int databasePort)
      throws Exception {
    LibertyServer server =
        LibertyServer.create(
            name,
            Path.of("liberty", "server.xml"),
            Path.of("target", "baton.war"),
            List.of(
                "HTTP_PORT=" + port,
                "DB_KIND=postgresql",
                "DB_URL=jdbc:postgresql://127.0.0.1:" + databasePort + "/" + database.name(),
                "DB_USER=postgres",
                "DB_PASSWORD=unused-with-trust-auth",
                "SESSION_SIGNING_KEY_ROTATION=" + KEY_ROTATION,
                // A key must outlive the tokens it signs: Baton refuses a shorter rotation.
                "SESSION_ACCESS_TOKEN_VALIDITY=" + KEY_ROTATION,
                // The tests sign in through the demo, which refuses PostgreSQL unless told.
                "SESSION_DEMO_ALLOW_ANY_DATABASE=true",
                "EXTRA_CONFIG=it-threads.xml",
                // Longer than the pool's connection timeout, so that a stuck row drains the pool.
                "SESSION_LOCK_TIMEOUT=PT10S"));
    // Liberty adds worker threads gradually; 24 refreshes blocked at once must all run at once to
    // drain the pool of 20 connections.
    Files.writeString(
        server.directory().resolve("it-threads.xml"),
        "<server><executor coreThreads=\"32\"/></server>\n");
    return server;
  }

  /** The downstream service, told where Baton's keys are and which issuer to expect. */
  private static LibertyServer createDownstream() throws Exception {
    LibertyServer downstream =
        LibertyServer.create(
            "baton-downstream",
            Path.of("src", "it", "downstream", "src", "main", "liberty", "server.xml"),
            Path.of(
                System.getProperty("downstream.war", "target/it/downstream/target/downstream.war")),
            List.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION=" + A + "/auth/jwt/jwks.json",
                "MP_JWT_VERIFY_ISSUER=baton"));
    // A keystore left by an earlier run may have another password: let Liberty make a new one.
    Files.deleteIfExists(downstream.directory().resolve("resources/security/key.p12"));
    return downstream;
  }

  private static long count(String query) throws Exception {
    try (Connection connection = database.connect();
        Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
