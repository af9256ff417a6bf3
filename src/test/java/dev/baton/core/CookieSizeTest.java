package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.exception.InvalidSessionInputException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.TestBaton;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** An access token must fit the 4096 bytes a browser keeps of its cookie (security review L4). */
@BatonTest
class CookieSizeTest {

  /** The longest user id Baton accepts, so payloads reach the cookie limit below their own. */
  private static final String LONG_USER_ID = "u".repeat(Payloads.MAX_USER_ID_BYTES);

  private final SessionService sessions;
  private final int limit;

  CookieSizeTest(TestBaton baton) {
    sessions = baton.sessions();
    limit = baton.bean(AccessTokenSigner.class).cookieValueLimit();
  }

  private static JsonObject payloadOf(int characters) {
    return Json.createObjectBuilder().add("p", "x".repeat(characters)).build();
  }

  @Test
  void loginWhoseTokenWouldOverflowItsCookieIsRefusedAndLeavesNoSession() {
    InvalidSessionInputException refused =
        assertThrows(
            InvalidSessionInputException.class,
            () -> sessions.createNewSession(LONG_USER_ID, payloadOf(2040), null));
    assertTrue(refused.getMessage().contains("4096 bytes"), refused.getMessage());
    assertTrue(sessions.getAllSessionHandlesForUser(LONG_USER_ID).isEmpty());
  }

  @Test
  void theLargestAcceptedLoginStillFitsItsCookieAfterRefreshes() {
    int low = 0;
    int high = 2040; // refused, as the test above shows
    while (high - low > 1) {
      int middle = (low + high) / 2;
      try {
        sessions.createNewSession(LONG_USER_ID, payloadOf(middle), null);
        low = middle;
      } catch (InvalidSessionInputException refused) {
        high = middle;
      }
    }
    assertTrue(low > 1000, "the check leaves room for real payloads: " + low);
    SessionTokens tokens = sessions.createNewSession(LONG_USER_ID, payloadOf(low), null);
    SessionTokens refreshed =
        sessions.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken());
    String child = refreshed.accessToken().value();
    sessions.getSession(child, refreshed.antiCsrfToken(), true); // promotes the child
    assertTrue(child.length() <= limit, child.length() + " > " + limit);
    assertTrue(child.length() > tokens.accessToken().value().length(), "carries the parent hash");
  }

  @Test
  void payloadUpdateThatWouldOverflowTheCookieIsRefusedAndKeepsTheOldPayload() {
    SessionTokens tokens = sessions.createNewSession(LONG_USER_ID, payloadOf(10), null);
    assertThrows(
        InvalidSessionInputException.class,
        () -> sessions.updateAccessTokenPayload(tokens.sessionHandle(), payloadOf(2040)));
    assertThrows(
        InvalidSessionInputException.class,
        () -> sessions.regenerateAccessToken(tokens.accessToken().value(), payloadOf(2040)));
    assertEquals(
        payloadOf(10),
        sessions.getSessionInformation(tokens.sessionHandle()).orElseThrow().accessTokenPayload());
    assertTrue(sessions.updateAccessTokenPayload(tokens.sessionHandle(), payloadOf(500)));
  }
}
