package dev.baton.it;

import static dev.baton.it.Browserless.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Await;
import dev.baton.testing.Concurrently;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a host application (src/it/host, a WAR with Baton's classes jar inside) gets from Baton on a
 * real server: its own errors, OpenAPI and transactions left alone, Baton's units of work committed
 * whatever the host's transaction does, and {@code @VerifySession} honoured wherever the host put
 * it. Each server's subclass starts the server and says where it is.
 */
abstract class HostApplicationContract {

  /** The server's base URL; the host's JAX-RS application is at {@code /api}. */
  abstract URI base();

  Browserless client() {
    return new Browserless(base());
  }

  /** Signs in through the host's own login, in header mode. */
  Browserless.HeaderSession headerLogin(String userId) throws Exception {
    HttpResponse<String> login =
        client()
            .post(
                "/api/login",
                "{\"userId\":\"" + userId + "\",\"password\":\"pw-" + userId + "\"}",
                "st-auth-mode",
                "header");
    assertEquals(200, login.statusCode(), login.body());
    return new Browserless.HeaderSession(
        login.headers().firstValue("st-access-token").orElseThrow(),
        login.headers().firstValue("st-refresh-token").orElseThrow(),
        json(login).getString("sessionHandle"));
  }

  HttpResponse<String> refresh(String refreshToken) throws Exception {
    return client().bearer("POST", "/api/auth/session/refresh", refreshToken);
  }

  static String newRefreshToken(HttpResponse<String> refreshed) {
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    return refreshed.headers().firstValue("st-refresh-token").orElseThrow();
  }

  @ParameterizedTest(name = "{0}: no token {1}, with a session {2} as {3}")
  @CsvSource({
    "method, 401, 200, alice",
    "class, 401, 200, alice",
    "superclass, 401, 200, alice",
    "interface, 401, 200, alice",
    "implementation, 401, 200, alice",
    "locator/guarded, 401, 200, alice",
    "locator/guarded-class, 401, 200, alice",
    "enclosing/inner, 401, 200, alice",
    // A public resource: the container knows the caller when a token came along.
    "locator/open, 200, 200, alice",
    "optional, 200, 200, alice"
  })
  void verifySessionIsHonouredWhereverTheHostPutsIt(
      String endpoint, int withoutToken, int withSession, String user) throws Exception {
    String path = "/api/matrix/" + endpoint;
    HttpResponse<String> anonymous = client().get(path);
    assertEquals(withoutToken, anonymous.statusCode(), path + ": " + anonymous.body());
    if (withoutToken == 401) {
      assertEquals("unauthorised", json(anonymous).getString("message"));
    }
    String access = headerLogin("alice").accessToken();
    HttpResponse<String> signedIn = client().bearer("GET", path, access);
    assertEquals(withSession, signedIn.statusCode(), path + ": " + signedIn.body());
    assertEquals(user, json(signedIn).getString("user"));
  }

  /**
   * With {@code session.jakarta-security.enabled}, every part of the host sees the session's user
   * and roles: a standard {@code @RolesAllowed} resource, an EJB, a servlet and the Jakarta
   * Security {@code SecurityContext}. The roles come from the host's {@code SessionRoles} bean.
   */
  @ParameterizedTest(name = "{0}: @RolesAllowed {1}, EJB {2}, admin role {3}")
  @CsvSource({
    "admin, 200, 200, true",
    "user, 403, 403, false",
    "none, 401, 401, false",
    "expired, 401, 401, false"
  })
  void jakartaSecuritySeesTheSessionsUserAndRoles(
      String caller, int rolesAllowed, int ejb, boolean admin) throws Exception {
    String userId = caller + "-" + System.nanoTime();
    String token =
        switch (caller) {
          case "none" -> null;
          case "expired" -> expiredAccessToken();
          default -> headerLogin(userId).accessToken();
        };
    boolean signedIn = caller.equals("admin") || caller.equals("user");
    String[] auth =
        token == null ? new String[0] : new String[] {"Authorization", "Bearer " + token};

    HttpResponse<String> annotated = client().get("/api/roles/admin", auth);
    assertEquals(rolesAllowed, annotated.statusCode(), annotated.body());
    HttpResponse<String> bean = client().get("/api/roles/ejb", auth);
    assertEquals(ejb, bean.statusCode(), bean.body());
    if (signedIn && admin) {
      assertEquals(userId, json(annotated).getString("user"));
      assertEquals(userId, json(bean).getString("caller"));
    }
    if (!signedIn) {
      // Baton's answers, which make the frontend SDK refresh and retry.
      String message = caller.equals("expired") ? "try refresh token" : "unauthorised";
      assertEquals(message, json(annotated).getString("message"));
      assertEquals(message, json(bean).getString("message"));
    }

    JsonObject servlet = json(client().get("/caller", auth));
    String seen = signedIn ? userId : "anonymous";
    assertEquals(seen, servlet.getString("user"), servlet.toString());
    assertEquals(admin, servlet.getBoolean("admin"), servlet.toString());
    assertEquals(seen, servlet.getString("cdiCaller"), servlet.toString());
    assertEquals(admin, servlet.getBoolean("cdiAdmin"), servlet.toString());
  }

  @Test
  void afterASignOutTheCookiesTheServerLeftMakeNoCaller() throws Exception {
    Browserless browser = client();
    List<HttpResponse<String>> answers = new ArrayList<>();
    HttpResponse<String> login =
        browser.post("/api/login", "{\"userId\":\"admin-out\",\"password\":\"pw-admin-out\"}");
    answers.add(login);
    assertEquals(200, login.statusCode(), login.body());
    HttpResponse<String> before = browser.get("/caller");
    answers.add(before);
    assertEquals("admin-out", json(before).getString("user"));
    answers.add(browser.get("/api/roles/admin"));
    assertEquals(200, answers.get(answers.size() - 1).statusCode());

    String antiCsrf = login.headers().firstValue("anti-csrf").orElseThrow();
    HttpResponse<String> signOut =
        browser.send("POST", "/api/auth/signout", null, "anti-csrf", antiCsrf);
    answers.add(signOut);
    assertEquals(200, signOut.statusCode(), signOut.body());

    HttpResponse<String> after = browser.get("/caller");
    answers.add(after);
    assertEquals("anonymous", json(after).getString("user"), after.body());
    HttpResponse<String> guarded = browser.get("/api/roles/admin");
    answers.add(guarded);
    assertEquals(401, guarded.statusCode(), guarded.body());
    // No login of the container's own (LTPA, an HTTP session) was ever handed out.
    for (HttpResponse<String> answer : answers) {
      for (String cookie : answer.headers().allValues("Set-Cookie")) {
        String name = cookie.substring(0, cookie.indexOf('='));
        assertTrue(name.equals("sAccessToken") || name.equals("sRefreshToken"), cookie);
      }
    }
  }

  /**
   * The unmodified frontend SDK in Chromium on the host's page: a {@code @RolesAllowed} resource
   * across an access-token expiry (src/main/frontend/host-tests, run here against this server).
   */
  @Test
  void theSdkInChromiumKeepsARolesAllowedResourceWorkingAcrossAnExpiry() throws Exception {
    ProcessBuilder node =
        new ProcessBuilder("node", "--test", "--test-concurrency=1", "host-tests/")
            .directory(new File("src/main/frontend"))
            .redirectErrorStream(true);
    node.environment().put("HOST_URL", base().toString());
    Process tests = node.start();
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(tests.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return e.toString();
              }
            });
    if (!tests.waitFor(3, TimeUnit.MINUTES)) {
      tests.destroyForcibly();
      throw new AssertionError("the browser tests did not finish in 3 minutes");
    }
    assertEquals(0, tests.exitValue(), output.get(10, TimeUnit.SECONDS));
  }

  /** An admin's access token that the server has stopped accepting because it expired. */
  private String expiredAccessToken() throws Exception {
    String token = headerLogin("admin-expired-" + System.nanoTime()).accessToken();
    assertEquals(200, client().bearer("GET", "/api/roles/admin", token).statusCode());
    Await.until(
        "the access token to expire",
        Duration.ofSeconds(30),
        () -> client().bearer("GET", "/api/roles/admin", token).statusCode() == 401);
    return token;
  }

  @Test
  void anUnannotatedHostResourceStaysPublic() throws Exception {
    HttpResponse<String> open = client().get("/api/public");
    assertEquals(200, open.statusCode(), open.body());
    assertEquals("anonymous", json(open).getString("user"));
  }

  @Test
  void cookieRequestsThatChangeStateNeedTheAntiCsrfTokenUnlessTheEndpointWaivesIt()
      throws Exception {
    Browserless browser = client();
    HttpResponse<String> login =
        browser.post("/api/login", "{\"userId\":\"carol\",\"password\":\"pw-carol\"}");
    assertEquals(200, login.statusCode(), login.body());
    String antiCsrf = login.headers().firstValue("anti-csrf").orElseThrow();

    HttpResponse<String> forged = browser.send("POST", "/api/matrix/post/checked", null);
    assertEquals(401, forged.statusCode(), forged.body());
    assertEquals("try refresh token", json(forged).getString("message"));
    assertEquals(
        200,
        browser.send("POST", "/api/matrix/post/checked", null, "anti-csrf", antiCsrf).statusCode());
    HttpResponse<String> waived = browser.send("POST", "/api/matrix/post/unchecked", null);
    assertEquals(200, waived.statusCode(), waived.body());
    assertEquals("carol", json(waived).getString("user"));
  }

  @Test
  void theHostsWebApplicationExceptionReachesItsClientUnchanged() throws Exception {
    HttpResponse<String> conflict = client().get("/api/errors/conflict");
    assertEquals(409, conflict.statusCode());
    assertEquals("conflict", json(conflict).getString("host"));
    assertEquals(1, json(conflict).size(), conflict.body());
  }

  @Test
  void theHostsOwnMapperAnswersTheHostsExceptions() throws Exception {
    HttpResponse<String> teapot = client().get("/api/errors/teapot");
    assertEquals(418, teapot.statusCode());
    assertEquals("short and stout", json(teapot).getString("hostError"));
    HttpResponse<String> badLogin =
        client().post("/api/login", "{\"userId\":\"mallory\",\"password\":\"guess\"}");
    assertEquals(403, badLogin.statusCode());
    assertEquals("bad credentials", json(badLogin).getString("hostError"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"{", "[]", "\"text\"", "{\"userId\": {}}"})
  void malformedOrWronglyShapedJsonToTheHostIsAClientError(String body) throws Exception {
    HttpResponse<String> echo = client().post("/api/errors/echo", body);
    assertTrue(
        echo.statusCode() >= 400 && echo.statusCode() < 500,
        body + " got " + echo.statusCode() + ": " + echo.body());
    assertFalse(
        echo.body().contains("\"message\""), "Baton never answers for the host: " + echo.body());
  }

  @Test
  void aTheftRevocationSurvivesTheHostTransactionThatRollsBack() throws Exception {
    String stolen = headerLogin("dave").refreshToken();
    String child = newRefreshToken(refresh(stolen));
    String grandchild = newRefreshToken(refresh(child));

    HttpResponse<String> replay =
        client().send("POST", "/api/tx/refresh", null, "X-Refresh-Token", stolen);
    assertEquals(401, replay.statusCode(), replay.body());
    assertEquals("token theft detected", json(replay).getString("message"));

    HttpResponse<String> victim = refresh(grandchild);
    assertEquals(401, victim.statusCode(), "the session stays revoked: " + victim.body());
    assertEquals("unauthorised", json(victim).getString("message"));
  }

  @Test
  void aRevokeInsideAHostTransactionThatRollsBackStaysRevoked() throws Exception {
    Browserless.HeaderSession session = headerLogin("erin");
    HttpResponse<String> failed =
        client().send("POST", "/api/tx/revoke-then-fail/" + session.sessionHandle(), null);
    assertEquals(409, failed.statusCode(), failed.body());
    HttpResponse<String> after = refresh(session.refreshToken());
    assertEquals(401, after.statusCode(), after.body());
  }

  @Test
  void hostTransactionsThatRefreshAndUseTheirTokensAllCompleteTogether() throws Exception {
    // Each call refreshes and promotes inside an open host transaction, twelve at once, with
    // unbounded lock waits on the server: a row lock kept until the host commits would block.
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      tokens.add(headerLogin("frank" + i).refreshToken());
    }
    List<HttpResponse<String>> answers =
        Concurrently.run(
            tokens.size(),
            i ->
                () ->
                    client()
                        .send(
                            "POST",
                            "/api/tx/refresh-and-use",
                            null,
                            "X-Refresh-Token",
                            tokens.get(i)));
    for (HttpResponse<String> response : answers) {
      assertEquals(200, response.statusCode(), response.body());
    }
  }

  @Test
  void batonsEndpointsAppearInTheHostsOpenApiDocumentBesideTheHostsOwn() throws Exception {
    HttpResponse<String> served = client().get("/openapi?format=JSON");
    assertEquals(200, served.statusCode(), served.body());
    JsonObject paths = json(served).getJsonObject("paths");
    for (String path :
        List.of(
            "/api/login",
            "/api/public",
            "/api/errors/conflict",
            "/api/auth/session/refresh",
            "/api/auth/signout",
            "/api/auth/jwt/jwks.json")) {
      assertTrue(paths.containsKey(path), path + " missing from " + paths.keySet());
    }
    assertFalse(
        paths.keySet().stream().anyMatch(p -> p.contains("{base")), paths.keySet().toString());
  }

  @Test
  void batonsHealthCheckIsNamedAsBatons() throws Exception {
    HttpResponse<String> ready = client().get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("baton-session-store"), ready.body());
  }
}
