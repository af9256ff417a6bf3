package dev.baton.it;

import static dev.baton.it.Browserless.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Concurrently;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
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
    "locator/open, 200, 200, anonymous",
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
