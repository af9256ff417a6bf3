package dev.baton.jaxrs;

import static dev.baton.jaxrs.SessionFilterTest.proxy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionTokens;
import dev.baton.api.VerifiedSession;
import dev.baton.config.SessionConfig;
import dev.baton.config.WebConfig;
import dev.baton.metrics.SessionMetrics;
import dev.baton.testing.BatonTest;
import dev.baton.testing.TestBaton;
import jakarta.enterprise.inject.Instance;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;

/**
 * Every branch of {@link SessionAuthenticationMechanism} against the real engine on H2, with the
 * servlet request, response and message context made by hand: what the container is told, and what
 * the client is answered. Open Liberty and Payara run it for real in the host-application tests.
 */
@BatonTest
class SessionAuthenticationMechanismTest {

  private final TestBaton baton;
  private final List<String> unauthorisedMetrics = new ArrayList<>();

  SessionAuthenticationMechanismTest(TestBaton baton) {
    this.baton = baton;
  }

  /** One exchange: the request as sent, and what the mechanism did with the response. */
  static final class Exchange {
    final String method;
    final String uri;
    final Map<String, String> headers = new HashMap<>();
    final Map<String, Object> attributes = new HashMap<>();
    final Map<String, List<String>> responseHeaders = new HashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    final Subject clientSubject = new Subject();
    boolean isProtected;
    int status = 200;
    Principal caller;
    Set<String> groups;

    Exchange(String method, String uri) {
      this.method = method;
      this.uri = uri;
    }

    Exchange header(String name, String value) {
      headers.put(name.toLowerCase(Locale.ROOT), value);
      return this;
    }

    Exchange protectedResource() {
      isProtected = true;
      return this;
    }

    String body() {
      return body.toString(StandardCharsets.UTF_8);
    }

    HttpServletRequest request() {
      return proxy(
          HttpServletRequest.class,
          (name, args) ->
              switch (name) {
                case "getRequestURI" -> uri;
                case "getMethod" -> method;
                case "getHeader" -> headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                case "getHeaders" -> {
                  String value = headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                  yield Collections.enumeration(value == null ? List.of() : List.of(value));
                }
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                default -> SessionFilterTest.unsupported(name);
              });
    }

    HttpServletResponse response() {
      ServletOutputStream stream =
          new ServletOutputStream() {
            @Override
            public void write(int b) {
              body.write(b);
            }

            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}
          };
      return proxy(
          HttpServletResponse.class,
          (name, args) ->
              switch (name) {
                case "setStatus" -> {
                  status = (Integer) args[0];
                  yield null;
                }
                case "setContentType" -> null;
                case "setHeader" ->
                    responseHeaders.put((String) args[0], List.of((String) args[1]));
                case "addHeader" -> {
                  responseHeaders
                      .computeIfAbsent((String) args[0], h -> new ArrayList<>())
                      .add((String) args[1]);
                  yield null;
                }
                case "getOutputStream" -> stream;
                default -> SessionFilterTest.unsupported(name);
              });
    }

    @SuppressWarnings("unchecked")
    HttpMessageContext context() {
      return proxy(
          HttpMessageContext.class,
          (name, args) ->
              switch (name) {
                case "isProtected" -> isProtected;
                case "isAuthenticationRequest" -> false;
                case "getClientSubject" -> clientSubject;
                case "doNothing" -> AuthenticationStatus.NOT_DONE;
                case "notifyContainerAboutLogin" -> {
                  caller = (Principal) args[0];
                  groups = (Set<String>) args[1];
                  yield AuthenticationStatus.SUCCESS;
                }
                default -> SessionFilterTest.unsupported(name);
              });
    }
  }

  private SessionAuthenticationMechanism mechanism(HttpAuthenticationMechanism fallback) {
    SessionAuthenticationMechanism mechanism = new SessionAuthenticationMechanism();
    mechanism.sessions = baton.sessions();
    mechanism.config = baton.bean(SessionConfig.class);
    mechanism.web = baton.bean(WebConfig.class);
    mechanism.writer = SessionFilterTest.tokenWriter(baton);
    mechanism.metrics =
        new SessionMetrics() {
          @Override
          public void unauthorised(String reason) {
            unauthorisedMetrics.add(reason);
          }
        };
    mechanism.fallback =
        proxy(
            Instance.class,
            (name, args) ->
                switch (name) {
                  case "isResolvable" -> fallback != null;
                  case "get" -> fallback;
                  default -> SessionFilterTest.unsupported(name);
                });
    return mechanism;
  }

  private AuthenticationStatus validate(Exchange exchange) throws Exception {
    return validate(exchange, null);
  }

  private AuthenticationStatus validate(Exchange exchange, HttpAuthenticationMechanism fallback)
      throws Exception {
    return mechanism(fallback)
        .validateRequest(exchange.request(), exchange.response(), exchange.context());
  }

  private String accessTokenWithRoles(String... roles) {
    return baton
        .sessions()
        .createNewSession(
            "alice",
            Json.createObjectBuilder()
                .add("groups", Json.createArrayBuilder(List.of(roles)))
                .build(),
            null)
        .accessToken()
        .value();
  }

  @Test
  void aValidBearerTokenMakesTheSessionsUserTheCallerWithItsRolesAsGroups() throws Exception {
    Exchange exchange =
        new Exchange("GET", "/api/orders")
            .header("Authorization", "Bearer " + accessTokenWithRoles("admin", "user"));

    assertEquals(AuthenticationStatus.SUCCESS, validate(exchange));

    assertEquals("alice", exchange.caller.getName());
    assertEquals(Set.of("admin", "user"), exchange.groups);
    VerifiedSession verified =
        (VerifiedSession) exchange.attributes.get(SessionVerifier.VERIFIED_ATTRIBUTE);
    assertEquals("alice", verified.userId());
    assertTrue(exchange.responseHeaders.isEmpty(), "no container session, no cookie of its own");
  }

  /**
   * Open Liberty reuses the subject it built for a cache key instead of a new JAAS login, which
   * signs an LTPA token per request (BENCHMARKS.md): the key names the token, never contains it.
   */
  @Test
  void theServerIsOfferedACacheKeyPerTokenThatDoesNotRevealIt() throws Exception {
    String first = accessTokenWithRoles("admin");
    String second = accessTokenWithRoles("admin");
    Exchange one = new Exchange("GET", "/api/orders").header("Authorization", "Bearer " + first);
    Exchange again = new Exchange("GET", "/api/orders").header("Authorization", "Bearer " + first);
    Exchange other = new Exchange("GET", "/api/orders").header("Authorization", "Bearer " + second);
    validate(one);
    validate(again);
    validate(other);

    Object key = cacheKey(one);
    assertEquals(key, cacheKey(again));
    assertNotEquals(key, cacheKey(other), "each token its own key");
    assertFalse(key.toString().contains(first), "the key never holds the token");
    assertTrue(key.toString().startsWith("baton:"));
  }

  @Test
  void aRefusedTokenIsOfferedNoCacheKey() throws Exception {
    Exchange exchange = new Exchange("GET", "/api/orders").header("Authorization", "Bearer junk");
    validate(exchange);
    assertTrue(exchange.clientSubject.getPrivateCredentials().isEmpty());
  }

  private static Object cacheKey(Exchange exchange) {
    return exchange
        .clientSubject
        .getPrivateCredentials(Hashtable.class)
        .iterator()
        .next()
        .get(SessionAuthenticationMechanism.LIBERTY_CACHE_KEY);
  }

  @Test
  void aRefusedTokenLeavesAPublicResourceAnonymousAndRemembersWhy() throws Exception {
    Exchange exchange = new Exchange("GET", "/api/public").header("Authorization", "Bearer junk");

    assertEquals(AuthenticationStatus.NOT_DONE, validate(exchange));

    assertNull(exchange.caller);
    assertEquals(200, exchange.status);
    assertSame(
        SessionRefusal.TRY_REFRESH, exchange.attributes.get(SessionVerifier.REFUSAL_ATTRIBUTE));
    assertTrue(unauthorisedMetrics.isEmpty(), "nothing was refused to the client");
  }

  @Test
  void aRefusedTokenOnAProtectedResourceGetsBatonsTryRefreshAnswer() throws Exception {
    Exchange exchange =
        new Exchange("GET", "/admin").protectedResource().header("Authorization", "Bearer junk");

    assertEquals(AuthenticationStatus.SEND_FAILURE, validate(exchange));

    assertEquals(401, exchange.status);
    assertEquals("{\"message\":\"try refresh token\"}", exchange.body());
    assertEquals(List.of("try_refresh_token"), unauthorisedMetrics);
  }

  @Test
  void noTokenOnAProtectedResourceIsUnauthorisedWithoutAFallback() throws Exception {
    Exchange exchange = new Exchange("GET", "/admin").protectedResource();

    assertEquals(AuthenticationStatus.SEND_FAILURE, validate(exchange));

    assertEquals(401, exchange.status);
    assertEquals("{\"message\":\"unauthorised\"}", exchange.body());
  }

  @Test
  void aRequestWithoutABatonTokenGoesToTheApplicationsFallbackMechanism() throws Exception {
    HttpAuthenticationMechanism basic =
        (request, response, context) -> context.notifyContainerAboutLogin(() -> "robot", Set.of());
    Exchange exchange =
        new Exchange("GET", "/admin").protectedResource().header("Authorization", "Basic cm9ib3Q=");

    assertEquals(AuthenticationStatus.SUCCESS, validate(exchange, basic));

    assertEquals("robot", exchange.caller.getName());
  }

  @Test
  void theFirstUseAfterARefreshGetsTheNewAccessTokenFromTheMechanism() throws Exception {
    SessionTokens login = baton.sessions().createNewSession("alice", null, null);
    SessionTokens refreshed = baton.refresh(login);
    Exchange exchange =
        new Exchange("GET", "/api/orders")
            .header("Authorization", "Bearer " + refreshed.accessToken().value());

    assertEquals(AuthenticationStatus.SUCCESS, validate(exchange));

    assertTrue(exchange.responseHeaders.containsKey(TokenWriter.ACCESS_TOKEN_HEADER));
    assertTrue(exchange.responseHeaders.containsKey(TokenWriter.FRONT_TOKEN));
    assertEquals(List.of("no-store"), exchange.responseHeaders.get("Cache-Control"));
  }

  @Test
  void aCookiePostWithoutTheAntiCsrfTokenIsNoCaller() throws Exception {
    SessionTokens login = baton.sessions().createNewSession("alice", null, null);
    Exchange exchange =
        new Exchange("POST", "/api/orders")
            .header("Cookie", "sAccessToken=" + login.accessToken().value());

    assertEquals(AuthenticationStatus.NOT_DONE, validate(exchange));
    assertNull(exchange.caller);

    Exchange withToken =
        new Exchange("POST", "/api/orders")
            .header("Cookie", "sAccessToken=" + login.accessToken().value())
            .header("anti-csrf", login.antiCsrfToken());
    assertEquals(AuthenticationStatus.SUCCESS, validate(withToken));
    assertEquals("alice", withToken.caller.getName());
  }

  @Test
  void twoDifferentAccessTokenCookiesAreNeverChosenBetween() throws Exception {
    String one = accessTokenWithRoles("admin");
    String other = accessTokenWithRoles("user");
    Exchange exchange =
        new Exchange("GET", "/admin")
            .protectedResource()
            .header("Cookie", "sAccessToken=" + one + "; sAccessToken=" + other);

    assertEquals(AuthenticationStatus.SEND_FAILURE, validate(exchange));
    assertEquals("{\"message\":\"try refresh token\"}", exchange.body());
  }

  @Test
  void theRefreshEndpointIsLeftToTheRefreshToken() throws Exception {
    Exchange exchange =
        new Exchange("POST", "/api/auth/session/refresh")
            .protectedResource()
            .header("Authorization", "Bearer junk");

    assertEquals(AuthenticationStatus.NOT_DONE, validate(exchange));
    assertTrue(exchange.attributes.isEmpty());
  }
}
