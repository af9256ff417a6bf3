package dev.baton.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.api.SessionTokens;
import dev.baton.api.VerifiedSession;
import dev.baton.testing.BatonTest;
import dev.baton.testing.TestBaton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Security review M3 on the wire: neither cookie outlives the session's absolute end (here 30 days
 * from login, with the default 100-day idle timeout), whether a refresh sets both or a promotion
 * sets the access-token cookie alone.
 */
@BatonTest(config = "session.absolute-lifetime=P30D")
class SessionCookieLifetimeTest {

  private static final long ONE_DAY = Duration.ofDays(1).toSeconds();

  private final TestBaton baton;

  SessionCookieLifetimeTest(TestBaton baton) {
    this.baton = baton;
  }

  @Test
  void aDayBeforeTheAbsoluteEndBothCookiesLiveOneMoreDay() {
    SessionTokens login = baton.sessions().createNewSession("alice", null, null);
    baton.clock().advance(Duration.ofDays(29));
    SessionTokens refreshed = baton.refresh(login);

    RequestTokenTransport transport = transport();
    transport.deliver(refreshed, TokenMode.COOKIE);

    assertEquals(List.of(ONE_DAY, ONE_DAY), maxAges(transport));
  }

  @Test
  void theAccessTokenCookieOfAPromotionLivesNoLongerThanTheSession() {
    SessionTokens login = baton.sessions().createNewSession("alice", null, null);
    baton.clock().advance(Duration.ofDays(29));
    SessionTokens child = baton.refresh(login);
    VerifiedSession promoted =
        baton.sessions().getSession(child.accessToken().value(), child.antiCsrfToken(), false);

    RequestTokenTransport transport = transport();
    transport.deliverAccessToken(
        promoted, promoted.newAccessToken().orElseThrow(), TokenMode.COOKIE);

    assertEquals(List.of(ONE_DAY), maxAges(transport));
  }

  private RequestTokenTransport transport() {
    RequestTokenTransport transport = new RequestTokenTransport();
    transport.writer = SessionFilterTest.tokenWriter(baton);
    return transport;
  }

  private static List<Long> maxAges(RequestTokenTransport transport) {
    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    transport.writeTo(headers);
    return headers.get(HttpHeaders.SET_COOKIE).stream()
        .map(cookie -> (long) ((NewCookie) cookie).getMaxAge())
        .toList();
  }
}
