package dev.baton.it;

import static dev.baton.it.Browserless.json;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Await;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP contract on a running Open Liberty server: what supertokens-website expects. */
@ExtendWith(OwnItServer.class)
class SessionHttpIT {

  private static final Path SERVER_LOG = OwnItServer.LOG;

  /** Liberty adds its own {@code no-cache=set-cookie} beside Baton's directive. */
  private static void assertNotStored(HttpResponse<String> response) {
    String cacheControl = response.headers().firstValue("Cache-Control").orElse("");
    assertTrue(cacheControl.matches("(.*, *)?no-store(,.*)?"), cacheControl);
  }

  private static List<String> setCookies(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie");
  }

  private static boolean clearsCookie(HttpResponse<String> response, String name) {
    return setCookies(response).stream()
        .anyMatch(c -> c.startsWith(name + "=;") && c.contains("Max-Age=0"));
  }

  @Test
  void loginSetsHttpOnlyCookiesFrontTokenAndAntiCsrf() throws Exception {
    Browserless browser = new Browserless();
    HttpResponse<String> login = browser.login("alice");

    var frontToken = Browserless.frontToken(login);
    assertAll(
        () -> assertEquals(200, login.statusCode()),
        () -> assertEquals("alice", json(login).getString("userId")),
        () ->
            assertTrue(
                setCookies(login).stream()
                    .anyMatch(
                        c ->
                            c.startsWith("sAccessToken=")
                                && c.contains("HttpOnly")
                                && c.contains("Path=/;")
                                && c.contains("SameSite=Lax"))),
        () ->
            assertTrue(
                setCookies(login).stream()
                    .anyMatch(
                        c ->
                            c.startsWith("sRefreshToken=")
                                && c.contains("HttpOnly")
                                && c.contains("Path=/auth/session/refresh"))),
        () -> assertTrue(login.headers().firstValue("anti-csrf").isPresent()),
        () -> assertEquals("alice", frontToken.getString("uid")),
        () -> assertEquals("tester", frontToken.getJsonObject("up").getString("role")),
        () -> assertTrue(frontToken.getJsonNumber("ate").longValue() > System.currentTimeMillis()),
        () ->
            assertTrue(
                login
                    .headers()
                    .firstValue("Access-Control-Expose-Headers")
                    .orElseThrow()
                    .contains("front-token")));
  }

  /** The caller's own sessions over HTTP: list, end one, end the others (issue 12, item 5). */
  @Test
  void aUserListsTheirSessionsEndsOneAndSignsOutEverywhereElse() throws Exception {
    String user = "devices-" + System.nanoTime();
    Browserless client = new Browserless();
    Browserless.HeaderSession laptop = client.headerLogin(user);
    Browserless.HeaderSession phone = client.headerLogin(user);
    Browserless.HeaderSession stranger = client.headerLogin("stranger-" + System.nanoTime());

    HttpResponse<String> listed = client.bearer("GET", "/auth/sessions", laptop.accessToken());
    assertEquals(200, listed.statusCode(), listed.body());
    var sessions = json(listed).getJsonArray("sessions");
    assertEquals(2, sessions.size(), listed.body());
    assertEquals(phone.sessionHandle(), sessions.getJsonObject(0).getString("sessionHandle"));
    assertFalse(sessions.getJsonObject(0).getBoolean("current"));
    assertEquals(laptop.sessionHandle(), sessions.getJsonObject(1).getString("sessionHandle"));
    assertTrue(sessions.getJsonObject(1).getBoolean("current"));
    assertFalse(listed.body().contains("sessionData"), "no server-side data leaves");
    // Each carries the device its login came from, the address cut to its network.
    var device = sessions.getJsonObject(1);
    assertTrue(device.getString("userAgent").startsWith("Java-http-client"), listed.body());
    assertTrue(
        Set.of("127.0.0.0/24", "0:0:0::/48").contains(device.getString("clientAddress")),
        listed.body());
    assertTrue(device.isNull("refreshedAt"), listed.body());
    assertTrue(device.isNull("deviceName"), listed.body());
    assertEquals(device.getJsonNumber("createdAt"), device.getJsonNumber("authenticatedAt"));

    // Another user's handle and an unknown one are indistinguishable.
    HttpResponse<String> foreign =
        client.bearer("DELETE", "/auth/sessions/" + stranger.sessionHandle(), laptop.accessToken());
    HttpResponse<String> unknown =
        client.bearer("DELETE", "/auth/sessions/no-such-session", laptop.accessToken());
    assertEquals(404, foreign.statusCode());
    assertEquals(unknown.statusCode(), foreign.statusCode());
    assertEquals(unknown.body(), foreign.body());
    assertEquals(
        200, client.bearer("POST", "/auth/session/refresh", stranger.refreshToken()).statusCode());

    HttpResponse<String> ended =
        client.bearer("DELETE", "/auth/sessions/" + phone.sessionHandle(), laptop.accessToken());
    assertEquals(200, ended.statusCode(), ended.body());
    assertEquals(
        401, client.bearer("POST", "/auth/session/refresh", phone.refreshToken()).statusCode());

    Browserless.HeaderSession tablet = client.headerLogin(user);
    HttpResponse<String> others =
        client.bearer("POST", "/auth/sessions/revoke-others", laptop.accessToken());
    assertEquals(200, others.statusCode(), others.body());
    assertEquals(1, json(others).getInt("revoked"));
    assertEquals(
        401, client.bearer("POST", "/auth/session/refresh", tablet.refreshToken()).statusCode());
    assertEquals(
        200, client.bearer("POST", "/auth/session/refresh", laptop.refreshToken()).statusCode());

    // Each way a session ends is counted under its reason (item 7).
    List<String> revocations =
        client
            .get("/metrics?scope=application")
            .body()
            .lines()
            .filter(line -> line.startsWith("baton_sessions_revoked"))
            .toList();
    for (String reason : List.of("REQUESTED", "SIGNED_OUT_ELSEWHERE")) {
      assertTrue(
          revocations.stream().anyMatch(line -> line.contains("reason=\"" + reason + "\"")),
          reason + " missing from " + revocations);
    }
  }

  @Test
  void endingASessionWithCookiesNeedsTheAntiCsrfToken() throws Exception {
    Browserless browser = new Browserless();
    HttpResponse<String> login = browser.login("csrf-devices-" + System.nanoTime());
    String handle = json(login).getString("sessionHandle");
    HttpResponse<String> forged = browser.send("POST", "/auth/sessions/revoke-others", null);
    assertEquals(401, forged.statusCode(), forged.body());
    HttpResponse<String> signedOut =
        browser.send(
            "DELETE",
            "/auth/sessions/" + handle,
            null,
            "anti-csrf",
            login.headers().firstValue("anti-csrf").orElseThrow());
    assertEquals(200, signedOut.statusCode(), signedOut.body());
    assertTrue(
        signedOut.headers().allValues("Set-Cookie").stream()
            .anyMatch(c -> c.startsWith("sAccessToken=;")),
        "ending the current session clears its cookies: " + signedOut.headers().map());
  }

  @Test
  void protectedCallWithCookieReturnsTheSession() throws Exception {
    Browserless browser = new Browserless();
    browser.login("alice");
    HttpResponse<String> me = browser.get("/demo/me");
    assertEquals(200, me.statusCode());
    assertEquals("alice", json(me).getString("userId"));
    assertEquals("tester", json(me).getJsonObject("accessTokenPayload").getString("role"));
  }

  /**
   * Security review L15, without {@code session.cookie.older-domain}: of two different cookies of
   * one name Baton picks neither; a protected call says "try refresh", and the refresh says which
   * key would clear the older ones, instead of rotating into a loop. The real session is untouched.
   */
  @Test
  void twoDifferentSessionCookiesOfOneNameAreNeverChosenBetween() throws Exception {
    Browserless victim = new Browserless();
    victim.login("ivan");
    String access = victim.cookie("sAccessToken").orElseThrow();
    String refresh = victim.cookie("sRefreshToken").orElseThrow();

    HttpResponse<String> call =
        new Browserless().get("/demo/me", "Cookie", "sAccessToken=planted; sAccessToken=" + access);
    HttpResponse<String> refreshed =
        new Browserless()
            .send(
                "POST",
                "/auth/session/refresh",
                null,
                "rid",
                "session",
                "Cookie",
                "sRefreshToken=planted; sRefreshToken=" + refresh);

    assertEquals(401, call.statusCode());
    assertEquals("try refresh token", json(call).getString("message"));
    assertEquals(400, refreshed.statusCode(), refreshed.body());
    assertTrue(json(refreshed).getString("message").contains("session.cookie.older-domain"));
    assertTrue(setCookies(refreshed).isEmpty(), "nothing cleared, nothing issued");
    assertEquals(200, victim.get("/demo/me").statusCode());
  }

  @Test
  void protectedCallWithoutTokenIsUnauthorisedWithoutClearing() throws Exception {
    HttpResponse<String> me = new Browserless().get("/demo/me");
    assertEquals(401, me.statusCode());
    assertEquals("unauthorised", json(me).getString("message"));
    assertTrue(setCookies(me).isEmpty());
    assertTrue(me.headers().firstValue("front-token").isEmpty());
  }

  @Test
  void unverifiableTokenMeansTryRefreshWithoutClearing() throws Exception {
    HttpResponse<String> me =
        new Browserless().get("/demo/me", "Cookie", "sAccessToken=eyJhbGciOiJub25lIn0.e30.");
    assertEquals(401, me.statusCode());
    assertEquals("try refresh token", json(me).getString("message"));
    assertTrue(setCookies(me).isEmpty());
  }

  @Test
  void browserNavigationWithUnverifiableTokenGetsTheRefreshPage() throws Exception {
    HttpResponse<String> page =
        new Browserless()
            .get(
                "/demo/me",
                "Cookie",
                "sAccessToken=garbage",
                "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    assertEquals(401, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertTrue(page.body().contains("<script src=\"/auth/sdk/supertokens-website.js\">"));
    assertTrue(page.body().contains("\"apiBasePath\":\"/auth\""));
    assertTrue(page.body().contains("supertokens.attemptRefreshingSession()"));
  }

  @Test
  void theRefreshPageLoadsTheBundledSdk() throws Exception {
    HttpResponse<String> sdk = new Browserless().get("/auth/sdk/supertokens-website.js");
    assertEquals(200, sdk.statusCode());
    assertTrue(
        sdk.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
    assertTrue(sdk.headers().firstValue("Cache-Control").orElseThrow().contains("max-age=3600"));
    assertTrue(sdk.body().contains("attemptRefreshingSession"));
    assertEquals(404, new Browserless().get("/other/sdk/supertokens-website.js").statusCode());
  }

  @Test
  void stateChangingCookieRequestNeedsTheAntiCsrfHeader() throws Exception {
    Browserless browser = new Browserless();
    String antiCsrf = browser.login("alice").headers().firstValue("anti-csrf").orElseThrow();
    HttpResponse<String> forged = browser.post("/demo/me/data", "{\"cart\":1}");
    HttpResponse<String> genuine =
        browser.post("/demo/me/data", "{\"cart\":2}", "anti-csrf", antiCsrf);
    assertAll(
        () -> assertEquals(401, forged.statusCode()),
        () -> assertEquals("try refresh token", json(forged).getString("message")),
        () -> assertEquals(200, genuine.statusCode()),
        () -> assertEquals(2, json(genuine).getJsonObject("sessionData").getInt("cart")),
        () ->
            assertEquals(
                2, json(browser.get("/demo/me/data")).getJsonObject("sessionData").getInt("cart")));
  }

  @Test
  void headerModeUsesBearerTokensAndSkipsAntiCsrf() throws Exception {
    Browserless client = new Browserless();
    HttpResponse<String> login = client.login("bob", "st-auth-mode", "header");
    String access = login.headers().firstValue("st-access-token").orElseThrow();
    String refresh = login.headers().firstValue("st-refresh-token").orElseThrow();
    assertTrue(setCookies(login).isEmpty());

    HttpResponse<String> update =
        new Browserless()
            .post("/demo/me/data", "{\"cart\":5}", "Authorization", "Bearer " + access);
    assertEquals(200, update.statusCode());

    HttpResponse<String> refreshed =
        new Browserless()
            .send("POST", "/auth/session/refresh", null, "Authorization", "Bearer " + refresh);
    assertEquals(200, refreshed.statusCode());
    String newAccess = refreshed.headers().firstValue("st-access-token").orElseThrow();
    assertFalse(newAccess.equals(access));
    assertTrue(setCookies(refreshed).isEmpty());

    // The first call with the new access token confirms the new refresh token.
    HttpResponse<String> confirmed =
        new Browserless().get("/demo/me", "Authorization", "Bearer " + newAccess);
    assertEquals(200, confirmed.statusCode());
    assertTrue(confirmed.headers().firstValue("st-access-token").isPresent());
    assertTrue(confirmed.headers().firstValue("front-token").isPresent());
  }

  @Test
  void refreshIssuesNewTokensAndTheFirstCallConfirmsThem() throws Exception {
    Browserless browser = new Browserless();
    String antiCsrf = browser.login("carol").headers().firstValue("anti-csrf").orElseThrow();
    String oldAccess = browser.cookie("sAccessToken").orElseThrow();

    HttpResponse<String> refresh =
        browser.send("POST", "/auth/session/refresh", null, "anti-csrf", antiCsrf);
    assertEquals(200, refresh.statusCode());
    assertEquals("OK", json(refresh).getString("status"));
    assertTrue(refresh.headers().firstValue("front-token").isPresent());
    assertTrue(refresh.headers().firstValue("anti-csrf").isPresent());
    String refreshedAccess = browser.cookie("sAccessToken").orElseThrow();
    assertFalse(refreshedAccess.equals(oldAccess));

    assertNotStored(refresh);

    HttpResponse<String> me = browser.get("/demo/me");
    assertEquals(200, me.statusCode());
    assertTrue(setCookies(me).stream().anyMatch(c -> c.startsWith("sAccessToken=")));
    // The protected answer that carries the promoted access token is never cached.
    assertNotStored(me);
    HttpResponse<String> again = browser.get("/demo/me");
    assertTrue(setCookies(again).isEmpty());
    assertTrue(
        String.join(",", again.headers().allValues("Vary")).contains("Authorization"),
        again.headers().map().toString());
  }

  @Test
  void refreshWithWrongAntiCsrfIsUnauthorisedAndClears() throws Exception {
    Browserless browser = new Browserless();
    browser.login("dave");
    HttpResponse<String> refresh =
        browser.send(
            "POST", "/auth/session/refresh", null, "anti-csrf", "forged", "rid", "session");
    assertEquals(401, refresh.statusCode());
    assertEquals("unauthorised", json(refresh).getString("message"));
    assertTrue(clearsCookie(refresh, "sAccessToken"));
    assertTrue(clearsCookie(refresh, "sRefreshToken"));
    assertEquals("remove", refresh.headers().firstValue("front-token").orElseThrow());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"without cookies (SameSite=Lax)", "with a forged anti-CSRF token"})
  void aCrossSiteFormPostToTheRefreshEndpointNeverSignsTheUserOut(String variant) throws Exception {
    // A form post from another site carries no rid header; with SameSite=Lax no cookies either.
    Browserless victim = new Browserless();
    victim.login("erin");
    HttpResponse<String> forged =
        variant.startsWith("without")
            ? new Browserless().send("POST", "/auth/session/refresh", null)
            : victim.send("POST", "/auth/session/refresh", null, "anti-csrf", "forged");
    assertEquals(401, forged.statusCode());
    assertTrue(setCookies(forged).isEmpty(), setCookies(forged).toString());
    assertTrue(forged.headers().firstValue("front-token").isEmpty());

    HttpResponse<String> sdkWithoutToken =
        new Browserless().send("POST", "/auth/session/refresh", null, "rid", "session");
    assertEquals(401, sdkWithoutToken.statusCode());
    assertTrue(clearsCookie(sdkWithoutToken, "sAccessToken"));
    assertEquals("remove", sdkWithoutToken.headers().firstValue("front-token").orElseThrow());
  }

  @Test
  void refreshWithoutTokenIsUnauthorisedAndOnlyPostIsAllowed() throws Exception {
    HttpResponse<String> none = new Browserless().send("POST", "/auth/session/refresh", null);
    HttpResponse<String> get = new Browserless().get("/auth/session/refresh");
    assertAll(
        () -> assertEquals(401, none.statusCode()),
        () -> assertEquals("unauthorised", json(none).getString("message")),
        () -> assertEquals(405, get.statusCode()),
        () ->
            assertTrue(
                get.headers()
                    .firstValue("Content-Type")
                    .orElseThrow()
                    .startsWith("application/json")));
  }

  @Test
  void stolenRefreshTokenUsedAfterTheVictimRotatedIsTheft() throws Exception {
    Browserless victim = new Browserless();
    HttpResponse<String> login = victim.login("erin", "st-auth-mode", "header");
    String stolen = login.headers().firstValue("st-refresh-token").orElseThrow();
    HttpResponse<String> first =
        new Browserless()
            .send("POST", "/auth/session/refresh", null, "Authorization", "Bearer " + stolen);
    String child = first.headers().firstValue("st-refresh-token").orElseThrow();
    assertEquals(
        200,
        new Browserless()
            .send("POST", "/auth/session/refresh", null, "Authorization", "Bearer " + child)
            .statusCode());

    HttpResponse<String> thief =
        new Browserless()
            .send("POST", "/auth/session/refresh", null, "Authorization", "Bearer " + stolen);
    assertEquals(401, thief.statusCode());
    assertEquals("token theft detected", json(thief).getString("message"));
    assertEquals("", thief.headers().firstValue("st-refresh-token").orElseThrow());
    assertEquals(
        401,
        new Browserless()
            .send("POST", "/auth/session/refresh", null, "Authorization", "Bearer " + child)
            .statusCode());

    String handle = json(login).getString("sessionHandle");
    String theftLine =
        Files.readAllLines(SERVER_LOG).stream()
            .filter(
                line ->
                    line.contains("event=token_theft_detected")
                        && line.contains("sessionHandle=" + handle))
            .findFirst()
            .orElseThrow();
    assertTrue(theftLine.contains("userId=erin") && theftLine.contains("clientAddress="));
    assertFalse(theftLine.contains(stolen) || theftLine.contains(child));
  }

  @Test
  void theServerRunsThePurgeJobOnItsManagedScheduler() throws Exception {
    assertTrue(
        Files.readAllLines(SERVER_LOG).stream()
            .noneMatch(line -> line.contains("No managed scheduler")));
  }

  @Test
  void metricsCountSessionsRefreshesAndUnauthorisedAnswers() throws Exception {
    Browserless browser = new Browserless();
    String antiCsrf = browser.login("mallory").headers().firstValue("anti-csrf").orElseThrow();
    browser.send("POST", "/auth/session/refresh", null, "anti-csrf", antiCsrf);
    new Browserless().get("/demo/me");
    String metrics = new Browserless().get("/metrics?scope=application").body();
    for (String name :
        List.of(
            "baton_sessions_created",
            "baton_refreshes",
            "baton_unauthorised",
            "baton_refresh_duration")) {
      assertTrue(metrics.contains(name), name + " missing from:\n" + metrics);
    }
    assertTrue(metrics.contains("reason=\"unauthorised\""));
  }

  @Test
  void healthEndpointsReportReadinessAndLiveness() throws Exception {
    awaitWarmUp();
    HttpResponse<String> ready = new Browserless().get("/health/ready");
    HttpResponse<String> live = new Browserless().get("/health/live");
    assertEquals(200, ready.statusCode(), ready.body());
    assertEquals("UP", json(ready).getString("status"));
    assertTrue(ready.body().contains("baton-session-store"));
    assertEquals(200, live.statusCode(), live.body());
    assertEquals("UP", json(live).getString("status"));
  }

  /** Readiness is DOWN for the few seconds the server warms up after it started. */
  private static void awaitWarmUp() throws Exception {
    Await.until(
        "the warm-up ends",
        Duration.ofMinutes(1),
        () -> new Browserless().get("/health/ready").statusCode() == 200);
  }

  /**
   * The integration-test server warms up through its own endpoints (src/test/liberty/server.env):
   * readiness waits for it, and its synthetic sessions end with it.
   */
  @Test
  void theServerWarmsUpThroughItsOwnEndpointsBeforeItIsReady() throws Exception {
    awaitWarmUp();
    JsonObject warmUp =
        Browserless.healthCheck(new Browserless().get("/health/ready"), "baton-warm-up");
    assertEquals("UP", warmUp.getString("status"));
    assertEquals("done", warmUp.getJsonObject("data").getString("state"));
    assertTrue(
        warmUp.getJsonObject("data").getJsonNumber("refreshes").longValue() > 0, warmUp.toString());
    String line =
        Files.readAllLines(SERVER_LOG).stream()
            .filter(l -> l.contains("Baton warmed up in"))
            .findFirst()
            .orElseThrow();
    assertTrue(line.contains("over http://localhost:9180/auth"), line);
    Matcher ended = Pattern.compile("ended (\\d+) of (\\d+) synthetic sessions").matcher(line);
    assertTrue(ended.find(), line);
    assertEquals(ended.group(2), ended.group(1), line);
  }

  @Test
  void signOutRevokesTheSessionAndClearsTokens() throws Exception {
    Browserless browser = new Browserless();
    String antiCsrf = browser.login("frank").headers().firstValue("anti-csrf").orElseThrow();
    String refreshToken = browser.cookie("sRefreshToken").orElseThrow();
    HttpResponse<String> signOut =
        browser.send("POST", "/auth/signout", null, "anti-csrf", antiCsrf);
    assertEquals(200, signOut.statusCode());
    assertEquals("OK", json(signOut).getString("status"));
    assertTrue(clearsCookie(signOut, "sAccessToken"));
    assertTrue(clearsCookie(signOut, "sRefreshToken"));
    assertNotStored(signOut);
    HttpResponse<String> refresh =
        new Browserless()
            .send(
                "POST",
                "/auth/session/refresh",
                null,
                "Cookie",
                "sRefreshToken=" + refreshToken,
                "anti-csrf",
                antiCsrf);
    assertEquals(401, refresh.statusCode());
  }

  @Test
  void jwksIsPublishedWithCacheControl() throws Exception {
    HttpResponse<String> jwks = new Browserless().get("/auth/jwt/jwks.json");
    assertEquals(200, jwks.statusCode());
    assertEquals("RS256", json(jwks).getJsonArray("keys").getJsonObject(0).getString("alg"));
    assertTrue(jwks.headers().firstValue("Cache-Control").orElseThrow().contains("max-age=60"));
  }

  @Test
  void anotherBasePathIsNotFound() throws Exception {
    HttpResponse<String> other = new Browserless().get("/other/jwt/jwks.json");
    assertEquals(404, other.statusCode());
    assertEquals("not found", json(other).getString("message"));
  }

  @Test
  void clientMistakesGetClearJsonErrors() throws Exception {
    Browserless client = new Browserless();
    HttpResponse<String> malformed = client.post("/demo/login", "{\"userId\": ");
    HttpResponse<String> wrongType = client.post("/demo/login", "{\"userId\": 42}");
    HttpResponse<String> wrongPayload =
        client.post("/demo/login", "{\"userId\": \"x\", \"accessTokenPayload\": [1]}");
    HttpResponse<String> reserved =
        client.post(
            "/demo/login", "{\"userId\": \"x\", \"accessTokenPayload\": {\"sub\": \"admin\"}}");
    HttpResponse<String> huge =
        client.post(
            "/demo/login",
            "{\"userId\": \"x\", \"sessionData\": {\"blob\": \"" + "x".repeat(100 * 1024) + "\"}}");
    HttpResponse<String> longDeviceName =
        client.post(
            "/demo/login", "{\"userId\": \"x\", \"deviceName\": \"" + "d".repeat(101) + "\"}");
    HttpResponse<String> plainText =
        client.send("POST", "/demo/login", "userId=x", "Content-Type", "text/plain");
    for (HttpResponse<String> response :
        List.of(malformed, wrongType, wrongPayload, reserved, huge, longDeviceName)) {
      assertEquals(400, response.statusCode(), response.body());
      assertFalse(response.body().contains("Exception"), response.body());
      assertFalse(json(response).getString("message").isBlank());
    }
    assertEquals(415, plainText.statusCode());
    assertTrue(json(wrongType).getString("message").contains("userId"));
    assertTrue(json(reserved).getString("message").contains("'sub'"));
    assertTrue(json(longDeviceName).getString("message").contains("deviceName"));
  }

  @Test
  void corsPreflightIsAnsweredForAllowedOriginsOnly() throws Exception {
    HttpResponse<String> allowed =
        new Browserless()
            .send(
                "OPTIONS",
                "/demo/me",
                null,
                "Origin",
                "https://frontend.test:5173",
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "anti-csrf, rid");
    HttpResponse<String> other =
        new Browserless()
            .send(
                "OPTIONS",
                "/demo/me",
                null,
                "Origin",
                "http://evil.test",
                "Access-Control-Request-Method",
                "POST");
    assertAll(
        () -> assertEquals(204, allowed.statusCode()),
        () ->
            assertEquals(
                "https://frontend.test:5173",
                allowed.headers().firstValue("Access-Control-Allow-Origin").orElseThrow()),
        () ->
            assertEquals(
                "true",
                allowed.headers().firstValue("Access-Control-Allow-Credentials").orElseThrow()),
        () ->
            assertTrue(
                allowed
                    .headers()
                    .firstValue("Access-Control-Allow-Headers")
                    .orElseThrow()
                    .contains("anti-csrf")),
        () -> assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty()));
  }
}
