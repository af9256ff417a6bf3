package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.exception.InvalidSessionInputException;
import dev.baton.api.exception.SessionException;
import dev.baton.api.exception.TokenTheftDetectedException;
import dev.baton.api.exception.TryRefreshTokenException;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.LogCapture;
import dev.baton.testing.TestBaton;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad tokens and bad arguments get a clear exception of Baton's hierarchy, and nothing leaks. */
@BatonTest
class BadInputTest {

  private final TestBaton baton;
  private final SessionService sessions;
  private SessionTokens tokens;

  BadInputTest(TestBaton baton) {
    this.baton = baton;
    sessions = baton.sessions();
  }

  @BeforeEach
  void login() {
    tokens = sessions.createNewSession("alice", null, null);
  }

  static Stream<String> garbage() {
    byte[] random = new byte[96];
    new SecureRandom().nextBytes(random);
    return Stream.of(
        "x",
        "a.b.c",
        "....",
        "eyJhbGciOiJSUzI1NiJ9.e30.",
        "not base64 at all!",
        Base64.getUrlEncoder().withoutPadding().encodeToString(random),
        "é".repeat(300),
        "A".repeat(100 * 1024));
  }

  @ParameterizedTest
  @MethodSource("garbage")
  void garbageAccessTokenMeansTryRefresh(String token) {
    assertThrows(TryRefreshTokenException.class, () -> sessions.getSession(token, null, false));
  }

  @ParameterizedTest
  @MethodSource("garbage")
  void garbageRefreshTokenIsUnauthorised(String token) {
    assertThrows(UnauthorisedException.class, () -> sessions.refreshSession(token, null));
  }

  @ParameterizedTest
  @MethodSource("garbage")
  void garbageTokenCannotRegenerateAnAccessToken(String token) {
    assertThrows(UnauthorisedException.class, () -> sessions.regenerateAccessToken(token, null));
  }

  @Test
  void missingTokensAreUnauthorised() {
    assertAll(
        () ->
            assertThrows(UnauthorisedException.class, () -> sessions.getSession(null, null, true)),
        () -> assertThrows(UnauthorisedException.class, () -> sessions.getSession("", null, true)),
        () -> assertThrows(UnauthorisedException.class, () -> sessions.getSession(" ", null, true)),
        () -> assertThrows(UnauthorisedException.class, () -> sessions.refreshSession(null, null)),
        () -> assertThrows(UnauthorisedException.class, () -> sessions.refreshSession("", null)),
        () ->
            assertThrows(
                UnauthorisedException.class, () -> sessions.regenerateAccessToken(null, null)));
  }

  @Test
  void truncatedTokensAreRefused() {
    String access = tokens.accessToken().value();
    String refresh = tokens.refreshToken().value();
    assertAll(
        () ->
            assertThrows(
                TryRefreshTokenException.class,
                () -> sessions.getSession(access.substring(0, access.length() - 10), null, false)),
        () ->
            assertThrows(
                TryRefreshTokenException.class,
                () ->
                    sessions.getSession(access.substring(0, access.lastIndexOf('.')), null, false)),
        () ->
            assertThrows(
                UnauthorisedException.class,
                () ->
                    sessions.refreshSession(
                        refresh.substring(0, refresh.length() - 1), tokens.antiCsrfToken())),
        () ->
            assertThrows(
                UnauthorisedException.class,
                () -> sessions.refreshSession(refresh.substring(0, 20), tokens.antiCsrfToken())));
  }

  /**
   * Every altered character is refused, except where it only changes the unused low bits of the
   * last base64url character: those spell the same bytes, which is the same token (security review
   * L1), and only the last character has such bits.
   */
  @Test
  void everyAlteredCharacterOfARefreshTokenIsDetected() {
    String refresh = tokens.refreshToken().value();
    String canonical = RefreshTokenCodec.canonical(refresh);
    for (int i = 0; i < refresh.length(); i++) {
      for (char flipped : new char[] {'A', 'B', 'z'}) {
        if (flipped == refresh.charAt(i)) {
          continue;
        }
        String altered = refresh.substring(0, i) + flipped + refresh.substring(i + 1);
        if (RefreshTokenCodec.canonical(altered).equals(canonical)) {
          assertEquals(refresh.length() - 1, i, "only the last character has unused bits");
          continue;
        }
        assertThrows(
            UnauthorisedException.class,
            () -> sessions.refreshSession(altered, tokens.antiCsrfToken()),
            "position " + i + " as " + flipped);
      }
    }
    sessions.refreshSession(refresh, tokens.antiCsrfToken());
  }

  @Test
  void refreshTokenHasAtLeast128RandomBitsAndIsUrlSafe() {
    SessionTokens second = sessions.createNewSession("alice", null, null);
    String refresh = tokens.refreshToken().value();
    assertTrue(refresh.matches("[A-Za-z0-9_-]{60,}"));
    assertFalse(refresh.equals(second.refreshToken().value()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sub",
        "iat",
        "exp",
        "iss",
        "aud",
        "nbf",
        "jti",
        "upn",
        "auth_time",
        "sessionHandle",
        "refreshTokenHash1",
        "parentRefreshTokenHash1",
        "antiCsrfToken"
      })
  void payloadWithReservedClaimIsRefusedNamingIt(String claim) {
    JsonObject payload = Json.createObjectBuilder().add(claim, "x").build();
    InvalidSessionInputException refused =
        assertThrows(
            InvalidSessionInputException.class,
            () -> sessions.createNewSession("bob", payload, null));
    assertTrue(refused.getMessage().contains("'" + claim + "'"));
    assertThrows(
        InvalidSessionInputException.class,
        () -> sessions.updateAccessTokenPayload(tokens.sessionHandle(), payload));
    assertTrue(sessions.getAllSessionHandlesForUser("bob").isEmpty());
  }

  /** Security review L4: a cookie and a column hold bytes, so the limits count UTF-8 bytes. */
  @Test
  void limitsCountUtf8BytesNotCharacters() {
    String twoByteUserId = "é".repeat(128); // 128 characters, 256 bytes
    JsonObject twoBytePayload =
        Json.createObjectBuilder().add("blob", "é".repeat(1100)).build(); // ~2.2 kB
    JsonObject fourByteData =
        Json.createObjectBuilder().add("blob", "\uD83D\uDE00".repeat(4500)).build(); // ~18 kB
    assertAll(
        () ->
            assertThrows(
                InvalidSessionInputException.class,
                () -> sessions.createNewSession(twoByteUserId, null, null)),
        () ->
            assertThrows(
                InvalidSessionInputException.class,
                () -> sessions.createNewSession("bob", twoBytePayload, null)),
        () ->
            assertThrows(
                InvalidSessionInputException.class,
                () -> sessions.createNewSession("bob", null, fourByteData)));
    assertEquals(
        "é".repeat(127),
        sessions.createNewSession("é".repeat(127), null, null).userId(),
        "254 bytes fit");
  }

  @Test
  void badUserIdsAndOversizedDataAreRefused() {
    JsonObject bigPayload = Json.createObjectBuilder().add("blob", "x".repeat(4096)).build();
    JsonObject bigData = Json.createObjectBuilder().add("blob", "x".repeat(100 * 1024)).build();
    assertAll(
        () ->
            assertThrows(
                InvalidSessionInputException.class,
                () -> sessions.createNewSession(null, null, null)),
        () ->
            assertThrows(
                InvalidSessionInputException.class,
                () -> sessions.createNewSession("  ", null, null)),
        () ->
            assertThrows(
                InvalidSessionInputException.class,
                () -> sessions.createNewSession("u".repeat(256), null, null)),
        () ->
            assertThrows(
                InvalidSessionInputException.class,
                () -> sessions.createNewSession("bob", bigPayload, null)),
        () ->
            assertThrows(
                InvalidSessionInputException.class,
                () -> sessions.createNewSession("bob", null, bigData)),
        () ->
            assertThrows(
                InvalidSessionInputException.class,
                () -> sessions.updateSessionData(tokens.sessionHandle(), bigData)));
    assertEquals(
        JsonObject.EMPTY_JSON_OBJECT,
        sessions.getSessionInformation(tokens.sessionHandle()).orElseThrow().sessionData());
  }

  @Test
  void unknownOrMissingHandlesAreAnsweredNotThrown() {
    assertAll(
        () -> assertFalse(sessions.revokeSession("no-such-session")),
        () -> assertFalse(sessions.revokeSession(null)),
        () -> assertTrue(sessions.getSessionInformation("no-such-session").isEmpty()),
        () -> assertTrue(sessions.getSessionInformation(null).isEmpty()),
        () -> assertFalse(sessions.updateSessionData("no-such-session", null)),
        () -> assertFalse(sessions.updateAccessTokenPayload(null, null)),
        () -> assertTrue(sessions.revokeAllSessionsForUser(null).isEmpty()),
        () -> assertTrue(sessions.getAllSessionHandlesForUser(null).isEmpty()));
  }

  @Test
  void noTokenOrKeyReachesAnExceptionMessageOrALogLine() {
    List<String> messages = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    List<String> logged = new ArrayList<>();
    try (LogCapture everything = LogCapture.of("");
        LogCapture ours = LogCapture.of("dev.baton")) {
      SessionTokens r1 =
          sessions.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken());
      sessions.refreshSession(r1.refreshToken().value(), r1.antiCsrfToken());
      secrets.addAll(
          List.of(
              tokens.accessToken().value(),
              tokens.refreshToken().value(),
              tokens.antiCsrfToken(),
              r1.accessToken().value(),
              r1.refreshToken().value(),
              r1.antiCsrfToken()));
      secrets.add(
          Base64.getEncoder()
              .encodeToString(baton.bean(KeyRing.class).signingKey().privateKey().getEncoded()));
      secrets.add(
          Base64.getEncoder()
              .encodeToString(baton.bean(KeyRing.class).sealingKey().key().getEncoded()));
      for (Runnable call :
          List.<Runnable>of(
              () -> sessions.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken()),
              () ->
                  sessions.refreshSession(r1.refreshToken().value(), "wrong-" + r1.antiCsrfToken()),
              () -> sessions.getSession(r1.accessToken().value(), "x" + r1.antiCsrfToken(), true),
              () -> sessions.getSession(r1.accessToken().value() + "x", null, false),
              () -> sessions.regenerateAccessToken(tokens.accessToken().value() + "x", null))) {
        try {
          call.run();
        } catch (SessionException e) {
          messages.add(e.getMessage());
        }
      }
      for (LogCapture capture : List.of(everything, ours)) {
        capture.records().forEach(r -> logged.add(r.getMessage() + " " + r.getThrown()));
      }
    }
    assertEquals(5, messages.size());
    assertTrue(logged.stream().anyMatch(line -> line.contains("theft")));
    List<String> everything = new ArrayList<>(messages);
    everything.addAll(logged);
    everything.add(tokens.toString());
    for (String text : everything) {
      for (String secret : secrets) {
        assertFalse(text.contains(secret), () -> "a secret leaked into: " + text);
        assertFalse(text.contains(secret.substring(0, 16)), () -> "a secret leaked into: " + text);
      }
    }
  }

  @Test
  void theftExceptionNamesTheSessionAndUser() {
    SessionTokens r1 =
        sessions.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken());
    sessions.refreshSession(r1.refreshToken().value(), r1.antiCsrfToken());
    TokenTheftDetectedException theft =
        assertThrows(
            TokenTheftDetectedException.class,
            () -> sessions.refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken()));
    assertEquals(tokens.sessionHandle(), theft.sessionHandle().orElseThrow());
    assertEquals("alice", theft.userId().orElseThrow());
  }
}
