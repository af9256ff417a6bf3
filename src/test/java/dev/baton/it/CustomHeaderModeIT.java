package dev.baton.it;

import static dev.baton.it.Browserless.json;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The second copy of the WAR on the integration-test server (liberty/test-apps.xml): anti-CSRF by
 * custom header, API base path {@code /api/session-auth}, expired status 440, all under the context
 * root {@code /rid}.
 */
@ExtendWith(OwnItServer.class)
class CustomHeaderModeIT {

  private static final String REFRESH = "/rid/api/session-auth/session/refresh";

  @Test
  void stateChangingCookieRequestNeedsTheRidHeaderAndNoAntiCsrfTokenIsIssued() throws Exception {
    Browserless browser = new Browserless();
    HttpResponse<String> login = browser.loginAt("/rid", "grace");
    assertEquals(200, login.statusCode(), login.body());
    assertTrue(login.headers().firstValue("anti-csrf").isEmpty());

    HttpResponse<String> withoutRid = browser.post("/rid/demo/me/data", "{\"cart\":1}");
    HttpResponse<String> withRid =
        browser.post("/rid/demo/me/data", "{\"cart\":2}", "rid", "anti-csrf");
    assertAll(
        () -> assertEquals(401, withoutRid.statusCode()),
        () -> assertEquals("unauthorised", json(withoutRid).getString("message")),
        () ->
            assertTrue(
                withoutRid.headers().allValues("Set-Cookie").isEmpty(),
                "a missing rid says nothing about the tokens: they are kept"),
        () -> assertEquals(200, withRid.statusCode()),
        () -> assertEquals(200, browser.get("/rid/demo/me").statusCode()));
  }

  @Test
  void refreshLivesUnderTheConfiguredBasePathAndNeedsRid() throws Exception {
    Browserless browser = new Browserless();
    HttpResponse<String> login = browser.loginAt("/rid", "heidi");
    assertTrue(
        login.headers().allValues("Set-Cookie").stream()
            .anyMatch(c -> c.startsWith("sRefreshToken=") && c.contains("Path=" + REFRESH)));

    assertEquals(401, browser.send("POST", REFRESH, null).statusCode());
    assertEquals(200, browser.send("POST", REFRESH, null, "rid", "session").statusCode());
    assertEquals(
        404,
        browser.send("POST", "/rid/auth/session/refresh", null, "rid", "session").statusCode());
  }

  /**
   * Security review L15, with {@code session.cookie.older-domain} (this app's is {@code
   * old.localhost}): a refresh that carries two refresh-token cookies clears both token cookies on
   * the older domain and answers 200 without new tokens, as SuperTokens' {@code olderCookieDomain}
   * does; the SDK then retries with the cookies that remain, and the session is untouched.
   */
  @Test
  void aRefreshWithCookiesLeftOnTheOlderDomainClearsThemThere() throws Exception {
    Browserless browser = new Browserless();
    browser.loginAt("/rid", "judy");
    String refresh = browser.cookie("sRefreshToken").orElseThrow();

    HttpResponse<String> cleared =
        new Browserless()
            .send(
                "POST",
                REFRESH,
                null,
                "rid",
                "session",
                "Cookie",
                "sRefreshToken=left-on-the-old-domain; sRefreshToken=" + refresh);

    assertEquals(200, cleared.statusCode(), cleared.body());
    List<String> setCookies = cleared.headers().allValues("Set-Cookie");
    assertEquals(2, setCookies.size(), setCookies.toString());
    for (String cookie : setCookies) {
      assertTrue(cookie.toLowerCase(Locale.ROOT).contains("domain=old.localhost"), cookie);
      assertTrue(cookie.contains("Max-Age=0"), cookie);
    }
    assertTrue(cleared.headers().firstValue("front-token").isEmpty(), "no new tokens");
    assertEquals(200, browser.send("POST", REFRESH, null, "rid", "session").statusCode());
  }

  @Test
  void expiredOrUnverifiableTokenAnswersTheConfiguredStatus() throws Exception {
    HttpResponse<String> me =
        new Browserless().get("/rid/demo/me", "Cookie", "sAccessToken=garbage");
    assertEquals(440, me.statusCode());
    assertEquals("try refresh token", json(me).getString("message"));
  }

  @Test
  void bearerRequestsNeedNoRid() throws Exception {
    HttpResponse<String> login =
        new Browserless().loginAt("/rid", "ivan", "st-auth-mode", "header");
    String access = login.headers().firstValue("st-access-token").orElseThrow();
    HttpResponse<String> update =
        new Browserless()
            .post("/rid/demo/me/data", "{\"cart\":3}", "Authorization", "Bearer " + access);
    assertEquals(200, update.statusCode());
  }
}
