package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionRevoked;
import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.TokenTheftDetected;
import dev.baton.api.VerifiedSession;
import dev.baton.api.exception.TokenTheftDetectedException;
import dev.baton.api.exception.TryRefreshTokenException;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.Concurrently;
import dev.baton.testing.Jwts;
import dev.baton.testing.TestBaton;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Refresh-token rotation and theft detection, one test per case of SuperTokens' algorithm. S is the
 * first refresh token of a session; R1, R2 … its successive children.
 */
// These tests are about the sliding idle timeout (the refresh validity, 100 days): no
// absolute lifetime ends their sessions first (AbsoluteLifetimeTest covers that).
@BatonTest(config = "session.absolute-lifetime=P1000D")
class RefreshRotationTest {

  private static final JsonObject PAYLOAD = Json.createObjectBuilder().add("role", "admin").build();

  private final TestBaton baton;
  private final SessionService sessions;

  RefreshRotationTest(TestBaton baton) {
    this.baton = baton;
    sessions = baton.sessions();
  }

  private SessionTokens login() {
    return sessions.createNewSession("alice", PAYLOAD, null);
  }

  private SessionTokens refresh(SessionTokens previous) {
    return sessions.refreshSession(previous.refreshToken().value(), previous.antiCsrfToken());
  }

  private void assertTheft(SessionTokens stale) {
    TokenTheftDetectedException theft =
        assertThrows(TokenTheftDetectedException.class, () -> refresh(stale));
    assertEquals(stale.sessionHandle(), theft.sessionHandle().orElseThrow());
    assertEquals("alice", theft.userId().orElseThrow());
  }

  @Test
  void refreshWithCurrentParentIssuesChildThatNamesItsParent() {
    SessionTokens s = login();
    SessionTokens r1 = refresh(s);

    JsonObject claims = Jwts.claims(r1.accessToken().value());
    assertAll(
        () -> assertEquals(s.sessionHandle(), r1.sessionHandle()),
        () -> assertNotEquals(s.refreshToken().value(), r1.refreshToken().value()),
        () ->
            assertEquals(
                Secrets.sha256Hex(s.refreshToken().value()),
                claims.getString("parentRefreshTokenHash1")),
        () ->
            assertEquals(
                Secrets.sha256Hex(r1.refreshToken().value()),
                claims.getString("refreshTokenHash1")),
        () -> assertEquals("admin", claims.getString("role")));
  }

  @Test
  void refreshWithParentWhileChildUnusedIsNotTheft() {
    SessionTokens s = login();
    refresh(s);
    // The response carrying R1 was lost: the client retries with S.
    SessionTokens retried = refresh(s);
    assertEquals(
        "alice",
        sessions.getSession(retried.accessToken().value(), retried.antiCsrfToken(), true).userId());
  }

  @Test
  void refreshWithUnconfirmedChildPromotesIt() {
    SessionTokens s = login();
    SessionTokens r1 = refresh(s);
    SessionTokens r2 = refresh(r1);
    JsonObject claims = Jwts.claims(r2.accessToken().value());
    assertEquals(
        Secrets.sha256Hex(r1.refreshToken().value()), claims.getString("parentRefreshTokenHash1"));
    // R1 is now the parent: refreshing with it again is the "lost response" case, not theft.
    refresh(r1);
  }

  @Test
  void refreshWithRotatedParentAfterChildUseIsTheft() {
    SessionTokens s = login();
    SessionTokens r1 = refresh(s);
    refresh(r1);
    assertTheft(s);
  }

  @Test
  void refreshWithRotatedParentAfterChildAccessTokenUseIsTheft() {
    SessionTokens s = login();
    SessionTokens r1 = refresh(s);
    // The first request with R1's access token confirms R1.
    VerifiedSession verified = sessions.getSession(r1.accessToken().value(), null, false);
    assertTrue(verified.newAccessToken().isPresent());
    assertTheft(s);
  }

  @Test
  void refreshWithChildAfterGrandchildUseIsTheft() {
    SessionTokens s = login();
    SessionTokens r1 = refresh(s);
    SessionTokens r2 = refresh(r1);
    refresh(r2);
    assertTheft(r1);
  }

  @Test
  void refreshWithGrandparentIsTheft() {
    SessionTokens s = login();
    SessionTokens r1 = refresh(s);
    SessionTokens r2 = refresh(r1);
    refresh(r2);
    assertTheft(s);
  }

  @Test
  void refreshWithSiblingOfPromotedChildIsTheft() {
    SessionTokens s = login();
    SessionTokens r1a = refresh(s);
    SessionTokens r1b = refresh(s);
    refresh(r1a);
    assertTheft(r1b);
  }

  @Test
  void afterTheftTheWholeSessionIsDead() {
    SessionTokens s = login();
    SessionTokens r1 = refresh(s);
    SessionTokens r2 = refresh(r1);
    assertTheft(s);

    assertAll(
        () -> assertThrows(UnauthorisedException.class, () -> refresh(r2)),
        () -> assertThrows(UnauthorisedException.class, () -> refresh(r1)),
        () -> assertThrows(UnauthorisedException.class, () -> refresh(s)),
        () -> assertTrue(sessions.getSessionInformation(s.sessionHandle()).isEmpty()),
        () -> assertTrue(sessions.getAllSessionHandlesForUser("alice").isEmpty()));
  }

  @Test
  void theftFiresTheftAndRevocationEvents() {
    SessionTokens s = login();
    refresh(refresh(s));
    assertTheft(s);

    assertEquals(
        List.of(new TokenTheftDetected(s.sessionHandle(), "alice")),
        baton.events().of(TokenTheftDetected.class));
    assertEquals(
        List.of(new SessionRevoked(s.sessionHandle(), "alice", SessionRevoked.Reason.TOKEN_THEFT)),
        baton.events().of(SessionRevoked.class));
  }

  @Test
  void accessTokenOfSupersededChildMustRefreshAndThenFindsTheft() {
    SessionTokens s = login();
    SessionTokens r1a = refresh(s);
    SessionTokens r1b = refresh(s);
    sessions.getSession(r1a.accessToken().value(), null, false);

    assertThrows(
        TryRefreshTokenException.class,
        () -> sessions.getSession(r1b.accessToken().value(), null, false));
    assertTheft(r1b);
  }

  @Test
  void confirmedAccessTokenNoLongerNamesAParentAndNeedsNoDatabase() {
    SessionTokens r1 = refresh(login());
    String confirmed =
        sessions
            .getSession(r1.accessToken().value(), null, false)
            .newAccessToken()
            .orElseThrow()
            .value();
    assertFalse(Jwts.claims(confirmed).containsKey("parentRefreshTokenHash1"));

    sessions.revokeSession(r1.sessionHandle());
    // Stateless verification: without session.check-database the token lives until it expires.
    VerifiedSession verified = sessions.getSession(confirmed, null, false);
    assertTrue(verified.newAccessToken().isEmpty());
  }

  @Test
  void parallelConfirmationsOfOneChildAllSucceed() throws Exception {
    SessionTokens r1 = refresh(login());
    List<VerifiedSession> results =
        Concurrently.run(20, i -> () -> sessions.getSession(r1.accessToken().value(), null, false));
    assertTrue(results.stream().allMatch(v -> v.newAccessToken().isPresent()));
    refresh(r1);
  }

  @Test
  void twentyParallelRefreshesWithOneTokenAllSucceedAndTheSessionStaysUsable() throws Exception {
    SessionTokens s = login();
    List<SessionTokens> children = Concurrently.run(20, i -> () -> refresh(s));

    Set<String> distinct = new HashSet<>();
    children.forEach(c -> distinct.add(c.refreshToken().value()));
    assertEquals(20, distinct.size());
    // The client keeps whichever response arrived last; that lineage goes on.
    SessionTokens kept = children.get(children.size() - 1);
    SessionTokens next = refresh(kept);
    assertEquals(
        "alice",
        sessions.getSession(next.accessToken().value(), next.antiCsrfToken(), true).userId());
    assertTrue(baton.events().of(TokenTheftDetected.class).isEmpty());
  }

  @Test
  void twentyParallelRefreshesWithOneUnconfirmedChildAllSucceed() throws Exception {
    SessionTokens r1 = refresh(login());
    List<SessionTokens> children = Concurrently.run(20, i -> () -> refresh(r1));
    assertEquals(20, children.size());
    refresh(children.get(0));
    assertTrue(baton.events().of(TokenTheftDetected.class).isEmpty());
  }

  @Test
  void refreshAfterSessionExpiredIsUnauthorised() {
    SessionTokens s = login();
    baton.clock().advance(Duration.ofDays(100));
    assertThrows(UnauthorisedException.class, () -> refresh(s));
  }

  @Test
  void refreshJustBeforeExpiryExtendsTheSessionOncePromoted() {
    SessionTokens s = login();
    baton.clock().advance(Duration.ofDays(99));
    SessionTokens r1 = refresh(s);
    SessionTokens r2 = refresh(r1);
    baton.clock().advance(Duration.ofDays(2));
    refresh(r2);
  }

  @Test
  void refreshOfRevokedSessionIsUnauthorised() {
    SessionTokens s = login();
    assertTrue(sessions.revokeSession(s.sessionHandle()));
    assertThrows(UnauthorisedException.class, () -> refresh(s));
  }

  @Test
  void refreshWithWrongAntiCsrfTokenIsUnauthorisedAndChangesNothing() {
    SessionTokens s = login();
    assertThrows(
        UnauthorisedException.class,
        () -> sessions.refreshSession(s.refreshToken().value(), "wrong"));
    assertThrows(
        UnauthorisedException.class, () -> sessions.refreshSession(s.refreshToken().value(), null));
    refresh(s);
  }

  @Test
  void eachRefreshIssuesANewAntiCsrfTokenBoundToTheNewTokens() {
    SessionTokens s = login();
    SessionTokens r1 = refresh(s);
    assertNotEquals(s.antiCsrfToken(), r1.antiCsrfToken());
    assertThrows(
        UnauthorisedException.class,
        () -> sessions.refreshSession(r1.refreshToken().value(), s.antiCsrfToken()));
    assertThrows(
        TryRefreshTokenException.class,
        () -> sessions.getSession(r1.accessToken().value(), s.antiCsrfToken(), true));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"padded", "trailing bits set"})
  void reEncodedRefreshTokenIsTheSameTokenAndNeverATheft(String encoding) {
    SessionTokens r1 = refresh(login());
    String original = r1.refreshToken().value();
    String reEncoded = encoding.equals("padded") ? padded(original) : withTrailingBits(original);
    assertNotEquals(original, reEncoded);

    SessionTokens viaReEncoded = sessions.refreshSession(reEncoded, r1.antiCsrfToken());
    SessionTokens viaOriginal = refresh(r1);
    refresh(viaReEncoded);

    assertEquals(r1.sessionHandle(), viaOriginal.sessionHandle());
    assertTrue(baton.events().of(TokenTheftDetected.class).isEmpty());
    assertTrue(baton.events().of(SessionRevoked.class).isEmpty());
  }

  private static String padded(String token) {
    return token + "=".repeat((4 - token.length() % 4) % 4);
  }

  /** Sets the unused low bits of the last base64url character; the bytes stay the same. */
  private static String withTrailingBits(String token) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int unusedBits = (6 * token.length()) % 8;
    assertTrue(unusedBits > 0, "this token has no unused bits");
    int last = alphabet.indexOf(token.charAt(token.length() - 1));
    return token.substring(0, token.length() - 1) + alphabet.charAt(last | 1);
  }
}
