package dev.baton.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.CuttableProxy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host application on Open Liberty, configured with {@code liberty/production/server.xml}
 * exactly as the README's production section says: HTTPS only, Secure cookies, no demo,
 * authenticated metrics, PostgreSQL. The server is started while its database is unreachable, as
 * after a power cut, and must come ready by itself once the database answers.
 */
class HostOnLibertyIT extends HostApplicationContract {

  private static final String SERVER = "baton-host";
  private static final URI BASE = URI.create("https://localhost:9543");
  private static final String METRICS_USER = "operator";
  private static final String METRICS_PASSWORD = "metrics-" + System.nanoTime();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static ScratchPostgres database;
  private static CuttableProxy proxy;
  private static LibertyServer server;

  /** What the server answered while its database was still away. */
  private static HttpResponse<String> readinessDuringOutage;

  private static HttpResponse<String> loginDuringOutage;

  @Override
  URI base() {
    return BASE;
  }

  @BeforeAll
  static void startWhileTheDatabaseIsDown() throws Exception {
    database = ScratchPostgres.create("baton_host_");
    proxy = new CuttableProxy(5432);
    proxy.cut();
    server = createServer();
    server.launch("start").waitFor();
    readinessDuringOutage = firstReadinessOfTheApplication();
    loginDuringOutage =
        new Browserless(BASE)
            .post("/api/login", "{\"userId\":\"early\",\"password\":\"pw-early\"}");
    proxy.restore();
    LibertyServer.waitUntilReady(BASE, Duration.ofMinutes(2));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aServerStartedDuringAnOutageDeploysSaysWhyItIsNotReadyAndRecoversWithoutARestart()
      throws Exception {
    assertEquals(503, readinessDuringOutage.statusCode(), readinessDuringOutage.body());
    assertTrue(
        readinessDuringOutage.body().contains("notReadyBecause"), readinessDuringOutage.body());
    assertEquals(503, loginDuringOutage.statusCode(), loginDuringOutage.body());
    assertTrue(loginDuringOutage.headers().firstValue("Retry-After").isPresent());
    // The warm-up is configured, but Baton was not ready at start: it is skipped and never holds
    // readiness back; Baton's start-up retries decide alone.
    assertEquals("skipped", warmUpState(readinessDuringOutage));

    HttpResponse<String> ready = client().get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertEquals("skipped", warmUpState(ready));
    String refresh = headerLogin("late").refreshToken();
    assertEquals(200, refresh(refresh).statusCode());
  }

  @Test
  void theProductionConfigurationSendsSecureHttpOnlyCookiesAndHasNoDemo() throws Exception {
    HttpResponse<String> login =
        client().post("/api/login", "{\"userId\":\"grace\",\"password\":\"pw-grace\"}");
    assertEquals(200, login.statusCode(), login.body());
    List<String> cookies = login.headers().allValues("Set-Cookie");
    assertEquals(2, cookies.size(), cookies.toString());
    for (String cookie : cookies) {
      assertTrue(cookie.contains("Secure"), cookie);
      assertTrue(cookie.contains("HttpOnly"), cookie);
    }
    assertEquals(404, client().post("/demo/login", "{\"userId\":\"grace\"}").statusCode());
    assertEquals(404, client().post("/api/demo/login", "{\"userId\":\"grace\"}").statusCode());
  }

  @Test
  void theKeysInTheDatabaseAreWrappedWithTheConfiguredKeyEncryptionKey() throws Exception {
    headerLogin("keys");
    try (Connection connection = database.connect();
        Statement sql = connection.createStatement();
        ResultSet keys =
            sql.executeQuery(
                "SELECT k.private_key, r.key_encryption_key_id FROM baton_signing_key k,"
                    + " baton_keyring r")) {
      assertTrue(keys.next());
      byte[] stored = Base64.getDecoder().decode(keys.getString(1));
      assertNotNull(keys.getString(2), "the keyring names the key-encryption key");
      assertThrows(
          InvalidKeySpecException.class,
          () -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(stored)),
          "no private key in clear");
    }
  }

  @Test
  void metricsAreOnlyForTheOperator() throws Exception {
    assertEquals(401, client().get("/metrics?scope=application").statusCode());
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (METRICS_USER + ":" + METRICS_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> metrics =
        client().get("/metrics?scope=application", "Authorization", basic);
    assertEquals(200, metrics.statusCode(), metrics.body());
    assertTrue(metrics.body().contains("baton_sessions_created"), metrics.body());
  }

  private static LibertyServer createServer() throws Exception {
    byte[] kek = new byte[32];
    RANDOM.nextBytes(kek);
    Path kekFile = Files.createTempFile("baton-kek", ".b64");
    Files.writeString(kekFile, Base64.getEncoder().encodeToString(kek));
    LibertyServer server =
        LibertyServer.create(
            SERVER,
            Path.of("liberty", "production", "server.xml"),
            Path.of(System.getProperty("host.war", "target/it/host/target/host.war")),
            List.of(
                "APP_LOCATION=host.war",
                "HTTPS_PORT=" + BASE.getPort(),
                "DB_KIND=postgresql",
                "DB_URL=jdbc:postgresql://127.0.0.1:"
                    + proxy.port()
                    + "/"
                    + database.name()
                    + "?connectTimeout=2&socketTimeout=10",
                "DB_USER=postgres",
                "DB_PASSWORD=unused-with-trust-auth",
                "KEYSTORE_PASSWORD=keystore-" + System.nanoTime(),
                "METRICS_USER=" + METRICS_USER,
                "METRICS_PASSWORD=" + METRICS_PASSWORD,
                "SESSION_KEY_ENCRYPTION_KEY_FILE=" + kekFile,
                // Unbounded lock waits: a deadlock between the host's transaction and Baton would
                // hang.
                "SESSION_LOCK_TIMEOUT=PT0S",
                // Short enough for a test to see a token expire.
                "SESSION_ACCESS_TOKEN_VALIDITY=PT5S",
                // The server starts during an outage, so the warm-up must stand aside.
                "SESSION_WARM_UP_URL=" + BASE.resolve("/api/auth")));
    // The host's EJB needs Enterprise Beans Lite, which the production recipe does not list; an
    // override beside it adds the feature the way an operator would.
    Path overrides = server.directory().resolve("configDropins/overrides");
    Files.createDirectories(overrides);
    Files.writeString(
        overrides.resolve("host-features.xml"),
        "<server><featureManager><feature>enterpriseBeansLite-4.0</feature></featureManager>"
            + "</server>\n");
    // A keystore left by an earlier run has another password: let Liberty make a new one.
    Files.deleteIfExists(server.directory().resolve("resources/security/key.p12"));
    return server;
  }

  /** The state the readiness check {@code baton-warm-up} reports. */
  private static String warmUpState(HttpResponse<String> readiness) {
    return Browserless.healthCheck(readiness, "baton-warm-up")
        .getJsonObject("data")
        .getString("state");
  }

  /**
   * The first readiness answer that comes from the application: before it is deployed, the server
   * answers too (DOWN, with no checks at all).
   */
  private static HttpResponse<String> firstReadinessOfTheApplication() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> answer = new Browserless(BASE).get("/health/ready");
        if (answer.statusCode() != 404 && !answer.body().contains("\"checks\":[]")) {
          return answer;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(BASE + " never deployed the host; see its messages.log");
  }
}
