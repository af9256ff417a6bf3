package dev.baton.it;

import static dev.baton.it.Browserless.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.it.Browserless.HeaderSession;
import dev.baton.testing.CuttableProxy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same WAR, unchanged, on Payara Micro and PostgreSQL: login, a protected call, a refresh,
 * sign-out, a database outage answered 503, and Baton's health checks and metrics. The data source is defined by a post-boot command
 * file, the way a Payara user would; Payara reaches PostgreSQL through a proxy the test can cut.
 */
class PayaraSmokeIT {

  private static final int PORT = 9280;
  private static final URI BASE = URI.create("http://localhost:" + PORT);
  private static ScratchPostgres database;
  /** Payara reaches PostgreSQL through this proxy, so a test can take its database away. */
  private static CuttableProxy proxy;
  private static Process payara;
  private static Path log;

  @BeforeAll
  static void startPayara() throws Exception {
    database = ScratchPostgres.create("baton_payara_");
    proxy = new CuttableProxy(5432);
    Path work = Path.of("target", "payara").toAbsolutePath();
    Path postBoot = work.resolve("post-boot.asadmin");
    // Payara insists on a password, which trust authentication ignores.
    Files.writeString(postBoot, String.join("\n",
        "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource"
            + " --restype javax.sql.DataSource --property 'serverName=127.0.0.1:portNumber="
            + proxy.port() + ":databaseName=" + database.name()
            + ":user=postgres:password=trust-auth:connectTimeout=2:socketTimeout=5' baton-pool",
        "create-jdbc-resource --connectionpoolid baton-pool jdbc/baton", ""));
    log = work.resolve("payara.log");
    ProcessBuilder command = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Hibernate finds no JTA platform on Payara by itself.
        "-Dhibernate.transaction.jta.platform="
            + "org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform",
        "-jar", System.getProperty("payara.jar", "target/payara/payara-micro.jar"),
        "--addlibs", work.resolve("postgresql.jar").toString(),
        "--deploy", System.getProperty("baton.war", "target/baton.war"),
        "--contextroot", "/",
        "--port", String.valueOf(PORT),
        "--nocluster",
        "--postbootcommandfile", postBoot.toString()))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .directory(work.toFile());
    // MicroProfile Config reads the environment on Payara too.
    command.environment().put("SESSION_DEMO_ENABLED", "true");
    command.environment().put("SESSION_COOKIE_SECURE", "false");
    payara = command.start();
    waitUntilServing();
  }

  private static void waitUntilServing() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      if (!payara.isAlive()) {
        throw new IllegalStateException("Payara Micro exited; see " + log);
      }
      try {
        if (new Browserless(BASE).get("/auth/jwt/jwks.json").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("Payara Micro did not serve Baton in time; see " + log);
  }

  @AfterAll
  static void stopPayara() throws Exception {
    if (payara != null) {
      payara.destroy();
      if (!payara.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        payara.destroyForcibly();
      }
    }
    if (proxy != null) {
      proxy.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void loginProtectedCallRefreshAndSignOutWorkOnPayara() throws Exception {
    Browserless browser = new Browserless(BASE);
    HttpResponse<String> login = browser.login("paula");
    assertEquals(200, login.statusCode(), login.body());
    String antiCsrf = login.headers().firstValue("anti-csrf").orElseThrow();

    HttpResponse<String> me = browser.get("/demo/me");
    assertEquals(200, me.statusCode(), me.body());
    assertEquals("paula", json(me).getString("userId"));

    HttpResponse<String> refresh = browser.send("POST", "/auth/session/refresh", null,
        "anti-csrf", antiCsrf);
    assertEquals(200, refresh.statusCode(), refresh.body());
    String newAntiCsrf = refresh.headers().firstValue("anti-csrf").orElseThrow();
    assertEquals(200, browser.get("/demo/me").statusCode());

    HttpResponse<String> signOut = browser.send("POST", "/auth/signout", null,
        "anti-csrf", newAntiCsrf);
    assertEquals(200, signOut.statusCode(), signOut.body());
    HttpResponse<String> after = browser.get("/demo/me");
    assertEquals(401, after.statusCode());
    assertTrue(after.headers().firstValue("Content-Type").orElseThrow()
        .startsWith("application/json"));
  }

  @Test
  void aDatabaseOutageIsA503ThatLogsNobodyOut() throws Exception {
    HeaderSession login = new Browserless(BASE).headerLogin("quinn");
    String refresh = login.refreshToken();
    String access = login.accessToken();
    proxy.cut();
    try {
      HttpResponse<String> during = bearer("POST", "/auth/session/refresh", refresh);
      assertEquals(503, during.statusCode(), during.body());
      assertTrue(during.headers().firstValue("Retry-After").isPresent());
      assertTrue(during.headers().firstValue("st-refresh-token").isEmpty(), "tokens kept");
      assertEquals(200, bearer("GET", "/demo/me", access).statusCode(),
          "verification needs no database");
    } finally {
      proxy.restore();
    }
    HttpResponse<String> after =
        Browserless.retryWhileUnavailable(() -> bearer("POST", "/auth/session/refresh", refresh));
    assertEquals(200, after.statusCode(), "the same refresh token works once the database is back");
  }

  @Test
  void healthAndMetricsAreServedOnPayaraToo() throws Exception {
    String refresh = new Browserless(BASE).headerLogin("rita").refreshToken();
    assertEquals(200, bearer("POST", "/auth/session/refresh", refresh).statusCode());

    HttpResponse<String> ready = new Browserless(BASE).get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("baton-session-store"), ready.body());
    String metrics = new Browserless(BASE).get("/metrics?scope=application").body();
    for (String name : List.of("baton_sessions_created", "baton_refreshes",
        "baton_refresh_duration")) {
      assertTrue(metrics.contains(name), name + " missing from:\n" + metrics);
    }
  }

  private static HttpResponse<String> bearer(String method, String path, String token)
      throws Exception {
    return new Browserless(BASE).bearer(method, path, token);
  }
}
