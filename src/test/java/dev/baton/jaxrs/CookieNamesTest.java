package dev.baton.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionTokens;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.TestBaton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Security review L15: with {@code session.cookie.name-prefixes} the cookies are {@code
 * __Host-sAccessToken} (HTTPS only, this host only, path {@code /}) and {@code
 * __Secure-sRefreshToken}, and only those are read; {@code session.cookie.older-domain} names the
 * domain whose leftover cookies a refresh clears.
 */
@BatonTest(
    config = {"session.cookie.name-prefixes=true", "session.cookie.older-domain=.old.example"})
class CookieNamesTest {

  private static final String REFRESH_PATH = "/auth/session/refresh";

  private final TestBaton baton;

  CookieNamesTest(TestBaton baton) {
    this.baton = baton;
  }

  @Test
  void theCookiesCarryTheHostAndSecurePrefixesWithTheAttributesThoseNeed() {
    SessionTokens tokens = baton.sessions().createNewSession("alice", null, null);
    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

    writer()
        .accessToken(
            headers,
            TokenMode.COOKIE,
            tokens.accessToken(),
            "alice",
            tokens.accessTokenPayload(),
            tokens.refreshToken().expiresAt());
    writer()
        .refreshToken(
            headers, TokenMode.COOKIE, tokens.refreshToken(), tokens.antiCsrfToken(), REFRESH_PATH);

    NewCookie access = cookie(headers, 0);
    NewCookie refresh = cookie(headers, 1);
    assertEquals("__Host-sAccessToken", access.getName());
    assertEquals("/", access.getPath());
    assertNull(access.getDomain(), "a __Host- cookie names no domain");
    assertTrue(access.isSecure());
    assertEquals("__Secure-sRefreshToken", refresh.getName());
    assertEquals(REFRESH_PATH, refresh.getPath());
    assertTrue(refresh.isSecure());
  }

  @Test
  void onlyThePrefixedAccessTokenCookieIsRead() throws Exception {
    String access = baton.sessions().createNewSession("alice", null, null).accessToken().value();
    SessionFilter filter = SessionFilterTest.filterFor(baton, "required");

    assertThrows(
        UnauthorisedException.class,
        () ->
            filter.filter(
                new SessionFilterTest.Request("GET").cookie("sAccessToken", access).context()),
        "an unprefixed cookie, which any subdomain can set, is not read");
    filter.filter(
        new SessionFilterTest.Request("GET").cookie("__Host-sAccessToken", access).context());
    assertEquals("alice", filter.verifier.current.require().userId());
  }

  @Test
  void clearingTheOlderDomainExpiresBothCookiesThereOnly() {
    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

    writer().clearOlderDomain(headers, REFRESH_PATH);

    List<Object> cleared = headers.get(HttpHeaders.SET_COOKIE);
    assertEquals(2, cleared.size());
    for (Object set : cleared) {
      NewCookie cookie = (NewCookie) set;
      assertEquals(".old.example", cookie.getDomain());
      assertEquals(0, cookie.getMaxAge());
      assertEquals("", cookie.getValue());
    }
    assertEquals(
        List.of("/", REFRESH_PATH), cleared.stream().map(c -> ((NewCookie) c).getPath()).toList());
    assertNull(headers.getFirst(TokenWriter.FRONT_TOKEN), "the SDK's state is left alone");
  }

  private TokenWriter writer() {
    return SessionFilterTest.tokenWriter(baton);
  }

  private static NewCookie cookie(MultivaluedMap<String, Object> headers, int index) {
    return (NewCookie) headers.get(HttpHeaders.SET_COOKIE).get(index);
  }
}
