package dev.baton.it;

import static dev.baton.it.Browserless.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.it.Browserless.HeaderSession;
import dev.baton.testing.CuttableProxy;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same WAR, unchanged, on Payara Micro and PostgreSQL: login, a protected call, a refresh,
 * sign-out, a database outage answered 503, and Baton's health checks and metrics. The data source
 * is defined by a post-boot command file, the way a Payara user would; Payara reaches PostgreSQL
 * through a proxy the test can cut.
 */
class PayaraSmokeIT {

  private static final int PORT = 9280;
  private static final URI BASE = URI.create("http://localhost:" + PORT);
  private static ScratchPostgres database;

  /** Payara reaches PostgreSQL through this proxy, so a test can take its database away. */
  private static CuttableProxy proxy;

  private static PayaraMicro payara;

  @BeforeAll
  static void startPayara() throws Exception {
    database = ScratchPostgres.create("baton_payara_");
    proxy = new CuttableProxy(5432);
    payara =
        PayaraMicro.start(
            Path.of(System.getProperty("baton.war", "target/baton.war")),
            PORT,
            proxy.port(),
            database.name(),
            Map.of(
                // MicroProfile Config reads the environment on Payara too.
                "SESSION_DEMO_ENABLED", "true",
                "SESSION_COOKIE_SECURE", "false",
                // The tests sign in through the demo, which refuses PostgreSQL unless told.
                "SESSION_DEMO_ALLOW_ANY_DATABASE", "true"));
  }

  @AfterAll
  static void stopPayara() throws Exception {
    if (payara != null) {
      payara.close();
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

    HttpResponse<String> refresh =
        browser.send("POST", "/auth/session/refresh", null, "anti-csrf", antiCsrf);
    assertEquals(200, refresh.statusCode(), refresh.body());
    String newAntiCsrf = refresh.headers().firstValue("anti-csrf").orElseThrow();
    assertEquals(200, browser.get("/demo/me").statusCode());

    HttpResponse<String> signOut =
        browser.send("POST", "/auth/signout", null, "anti-csrf", newAntiCsrf);
    assertEquals(200, signOut.statusCode(), signOut.body());
    HttpResponse<String> after = browser.get("/demo/me");
    assertEquals(401, after.statusCode());
    assertTrue(
        after.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
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
      assertEquals(
          200, bearer("GET", "/demo/me", access).statusCode(), "verification needs no database");
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
    for (String name :
        List.of("baton_sessions_created", "baton_refreshes", "baton_refresh_duration")) {
      assertTrue(metrics.contains(name), name + " missing from:\n" + metrics);
    }
  }

  private static HttpResponse<String> bearer(String method, String path, String token)
      throws Exception {
    return new Browserless(BASE).bearer(method, path, token);
  }
}
