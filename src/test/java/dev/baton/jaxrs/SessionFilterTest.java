package dev.baton.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionTokens;
import dev.baton.api.VerifySession;
import dev.baton.api.exception.InvalidClaimException;
import dev.baton.api.exception.TryRefreshTokenException;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.config.SessionConfig;
import dev.baton.config.WebConfig;
import dev.baton.testing.BatonTest;
import dev.baton.testing.Jwts;
import dev.baton.testing.TestBaton;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every branch of {@link SessionFilter} and {@link SessionVerifier}, against the real engine on H2
 * and a request made by hand: what reaches the resource, and what is refused with which exception.
 */
@BatonTest
class SessionFilterTest {

  static class Resource {
    public String open() {
      return "";
    }

    @VerifySession
    public String required() {
      return "";
    }

    @VerifySession(sessionRequired = false)
    public String optional() {
      return "";
    }

    @VerifySession(antiCsrfCheck = false)
    public String noCsrf() {
      return "";
    }

    @RolesAllowed("admin")
    public String adminOnly() {
      return "";
    }

    @VerifySession(maxAuthAge = "PT5M")
    public String sensitive() {
      return "";
    }

    @VerifySession(maxAuthAge = "five minutes")
    public String misconfigured() {
      return "";
    }
  }

  /** A resource whose class restricts roles, with one method that opens itself up. */
  @RolesAllowed("admin")
  static class Guarded {
    public String guarded() {
      return "";
    }

    @PermitAll
    public String open() {
      return "";
    }
  }

  static final String ACCESS_COOKIE = "sAccessToken";

  /** A request as the filter sees it: method, headers, cookies and the security context set. */
  static final class Request {
    final String method;
    final Map<String, String> headers = new HashMap<>();
    final Map<String, Cookie> cookies = new HashMap<>();
    final Map<String, Object> properties = new HashMap<>();
    String cookieHeader;
    SecurityContext security;

    Request(String method) {
      this.method = method;
    }

    Request header(String name, String value) {
      headers.put(name.toLowerCase(Locale.ROOT), value);
      return this;
    }

    /** {@code Authorization: Bearer}, as header mode sends the access token. */
    Request bearer(String accessToken) {
      return header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
    }

    /** A cookie as JAX-RS parses it into the map, which keeps one cookie per name. */
    Request cookie(String name, String value) {
      cookies.put(name, new Cookie.Builder(name).value(value).build());
      return this;
    }

    /** A request property: in a servlet container, a servlet request attribute. */
    Request property(String name, Object value) {
      properties.put(name, value);
      return this;
    }

    /** The raw {@code Cookie} header, when it says more than the map keeps. */
    Request cookieHeader(String header) {
      cookieHeader = header;
      return this;
    }

    private MultivaluedMap<String, String> allHeaders() {
      MultivaluedMap<String, String> all = new MultivaluedHashMap<>();
      headers.forEach(all::add);
      all.add(
          HttpHeaders.COOKIE,
          cookieHeader != null
              ? cookieHeader
              : String.join(
                  "; ",
                  cookies.values().stream().map(c -> c.getName() + "=" + c.getValue()).toList()));
      return all;
    }

    ContainerRequestContext context() {
      UriInfo uri =
          proxy(
              UriInfo.class,
              (name, args) -> name.equals("getMatchedResources") ? List.of() : unsupported(name));
      return proxy(
          ContainerRequestContext.class,
          (name, args) ->
              switch (name) {
                case "getMethod" -> method;
                case "getHeaderString" -> headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                case "getCookies" -> cookies;
                case "getHeaders" -> allHeaders();
                case "getUriInfo" -> uri;
                case "getProperty" -> properties.get((String) args[0]);
                case "getSecurityContext" ->
                    security != null
                        ? security
                        : proxy(
                            SecurityContext.class, (n, a) -> n.equals("isSecure") ? false : null);
                case "setSecurityContext" -> {
                  security = (SecurityContext) args[0];
                  yield null;
                }
                default -> unsupported(name);
              });
    }
  }

  interface Answer {
    Object answer(String method, Object[] args);
  }

  @SuppressWarnings("unchecked")
  static <T> T proxy(Class<T> type, Answer answer) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> answer.answer(method.getName(), args));
  }

  /** The token writer of a test server, as CDI would make it. */
  static TokenWriter tokenWriter(TestBaton baton) {
    TokenWriter writer = new TokenWriter();
    writer.web = baton.bean(WebConfig.class);
    writer.clock = baton.clock();
    return writer;
  }

  static Object unsupported(String name) {
    throw new UnsupportedOperationException(name);
  }

  private final TestBaton baton;

  SessionFilterTest(TestBaton baton) {
    this.baton = baton;
  }

  private SessionFilter filterFor(String methodName) throws Exception {
    return filterFor(baton, methodName);
  }

  static SessionFilter filterFor(TestBaton baton, String methodName) throws Exception {
    return filterFor(baton, Resource.class, methodName);
  }

  static SessionFilter filterFor(TestBaton baton, Class<?> resourceClass, String methodName)
      throws Exception {
    SessionFilter filter = new SessionFilter();
    Method method = resourceClass.getMethod(methodName);
    filter.resource =
        new ResourceInfo() {
          @Override
          public Method getResourceMethod() {
            return method;
          }

          @Override
          public Class<?> getResourceClass() {
            return resourceClass;
          }
        };
    SessionVerifier verifier = new SessionVerifier();
    verifier.sessions = baton.sessions();
    verifier.config = baton.bean(SessionConfig.class);
    verifier.web = baton.bean(WebConfig.class);
    verifier.claims = ClaimChecks.over(List.of());
    verifier.clock = baton.clock();
    verifier.transport = new RequestTokenTransport();
    verifier.transport.writer = tokenWriter(baton);
    verifier.current = new RequestSession();
    verifier.current.sessions = baton.sessions();
    verifier.current.clock = baton.clock();
    verifier.current.transport = verifier.transport;
    filter.verifier = verifier;
    return filter;
  }

  private SessionTokens login() {
    return login(baton);
  }

  private static SessionTokens login(TestBaton baton) {
    return baton.sessions().createNewSession("alice", null, null);
  }

  @Test
  void anUnprotectedMethodIsLeftAloneEvenWithAGarbageToken() throws Exception {
    SessionFilter filter = filterFor("open");
    Request request = new Request("POST").header(HttpHeaders.AUTHORIZATION, "Bearer garbage");
    filter.filter(request.context());
    assertNull(request.security);
    assertTrue(filter.verifier.current.get().isEmpty());
  }

  @Test
  void aRequestThatMatchedNoResourceMethodIsLeftAlone() throws Exception {
    SessionFilter filter = filterFor("required");
    filter.resource =
        new ResourceInfo() {
          @Override
          public Method getResourceMethod() {
            return null;
          }

          @Override
          public Class<?> getResourceClass() {
            return null;
          }
        };
    filter.filter(new Request("GET").context());
    assertTrue(filter.verifier.current.get().isEmpty());
  }

  @Test
  void noTokenOnARequiredSessionIsUnauthorisedWithoutClearingAnything() throws Exception {
    SessionFilter filter = filterFor("required");
    UnauthorisedException refused =
        assertThrows(
            UnauthorisedException.class, () -> filter.filter(new Request("GET").context()));
    assertFalse(refused.clearTokens());
  }

  @Test
  void noTokenOnAnOptionalSessionReachesTheResourceAnonymously() throws Exception {
    SessionFilter filter = filterFor("optional");
    Request request = new Request("GET");
    filter.filter(request.context());
    assertTrue(filter.verifier.current.get().isEmpty());
    assertNull(request.security);
  }

  @Test
  void aGarbageTokenOnAnOptionalSessionIsStillRefused() throws Exception {
    SessionFilter filter = filterFor("optional");
    Request request = new Request("GET").header(HttpHeaders.AUTHORIZATION, "Bearer garbage");
    assertThrows(TryRefreshTokenException.class, () -> filter.filter(request.context()));
  }

  @Test
  void aBearerTokenSetsTheSessionAndThePrincipalWithoutAnAntiCsrfCheck() throws Exception {
    SessionFilter filter = filterFor("required");
    SessionTokens tokens = login();
    Request request = new Request("POST").bearer(tokens.accessToken().value());
    filter.filter(request.context());
    assertEquals("alice", filter.verifier.current.require().userId());
    assertEquals("alice", request.security.getUserPrincipal().getName());
    assertEquals("BATON", request.security.getAuthenticationScheme());
  }

  /**
   * Security review L15: a sibling subdomain can set a cookie of the same name that the browser
   * sends first. Of two different access-token cookies the filter picks neither.
   */
  @Test
  void twoDifferentAccessTokenCookiesAreNeverChosenBetween() throws Exception {
    SessionFilter filter = filterFor("required");
    String victims = login().accessToken().value();
    String planted = baton.sessions().createNewSession("mallory", null, null).accessToken().value();
    Request request =
        new Request("GET")
            .cookie(ACCESS_COOKIE, planted)
            .cookieHeader(ACCESS_COOKIE + "=" + planted + "; " + ACCESS_COOKIE + "=" + victims);

    assertThrows(TryRefreshTokenException.class, () -> filter.filter(request.context()));
    assertTrue(filter.verifier.current.get().isEmpty());
    assertNull(request.security);
  }

  @Test
  void theSameAccessTokenCookieTwiceOrAnotherCookieEndingInItsNameIsNoDuplicate() throws Exception {
    SessionFilter filter = filterFor("required");
    String access = login().accessToken().value();
    Request request =
        new Request("GET")
            .cookie(ACCESS_COOKIE, access)
            .cookieHeader(
                "__Host-sAccessToken=other; "
                    + ACCESS_COOKIE
                    + "="
                    + access
                    + "; "
                    + ACCESS_COOKIE
                    + "=\""
                    + access
                    + "\"");

    filter.filter(request.context());

    assertEquals("alice", filter.verifier.current.require().userId());
  }

  @Test
  void theSecurityContextAnswersRolesFromTheGroupsClaim() throws Exception {
    SessionFilter filter = filterFor("required");
    Request request = new Request("GET").bearer(withRoles(baton, "groups"));

    filter.filter(request.context());

    assertTrue(request.security.isUserInRole("admin"));
    assertFalse(request.security.isUserInRole("user"));
  }

  @Test
  void theRolesClaimIsTheConfiguredOne() throws Exception {
    try (TestBaton custom = TestBaton.start("session.roles-claim", "roles")) {
      SessionFilter filter = filterFor(custom, "required");
      Request fromGroups = new Request("GET").bearer(withRoles(custom, "groups"));
      Request fromRoles = new Request("GET").bearer(withRoles(custom, "roles"));

      filter.filter(fromGroups.context());
      filter.filter(fromRoles.context());

      assertFalse(fromGroups.security.isUserInRole("admin"));
      assertTrue(fromRoles.security.isUserInRole("admin"));
    }
  }

  /** An access token whose payload has {@code claim: ["admin"]}. */
  private static String withRoles(TestBaton server, String claim) {
    return server
        .sessions()
        .createNewSession(
            "alice",
            Json.createObjectBuilder().add(claim, Json.createArrayBuilder().add("admin")).build(),
            null)
        .accessToken()
        .value();
  }

  @Test
  void aCookieGetNeedsNoAntiCsrfToken() throws Exception {
    SessionFilter filter = filterFor("required");
    Request request = new Request("GET").cookie(ACCESS_COOKIE, login().accessToken().value());
    filter.filter(request.context());
    assertEquals("alice", filter.verifier.current.require().userId());
  }

  @Test
  void aCookiePostWithoutTheAntiCsrfTokenMustRefresh() throws Exception {
    SessionFilter filter = filterFor("required");
    Request request = new Request("POST").cookie(ACCESS_COOKIE, login().accessToken().value());
    assertThrows(TryRefreshTokenException.class, () -> filter.filter(request.context()));
  }

  @Test
  void aCookiePostWithTheAntiCsrfTokenPasses() throws Exception {
    SessionFilter filter = filterFor("required");
    SessionTokens tokens = login();
    Request request =
        new Request("POST")
            .cookie(ACCESS_COOKIE, tokens.accessToken().value())
            .header(Requests.ANTI_CSRF_HEADER, tokens.antiCsrfToken());
    filter.filter(request.context());
    assertEquals("alice", filter.verifier.current.require().userId());
  }

  @Test
  void aCookiePostOnAnEndpointThatWaivesTheCheckPasses() throws Exception {
    SessionFilter filter = filterFor("noCsrf");
    Request request = new Request("DELETE").cookie(ACCESS_COOKIE, login().accessToken().value());
    filter.filter(request.context());
    assertEquals("alice", filter.verifier.current.require().userId());
  }

  @Test
  void inCustomHeaderModeACookiePostWithoutRidIsUnauthorisedAndWithItPasses() throws Exception {
    try (TestBaton customHeader = TestBaton.start("session.anti-csrf", "VIA_CUSTOM_HEADER")) {
      SessionFilter filter = filterFor(customHeader, "required");
      String access = login(customHeader).accessToken().value();
      UnauthorisedException refused =
          assertThrows(
              UnauthorisedException.class,
              () -> filter.filter(new Request("POST").cookie(ACCESS_COOKIE, access).context()));
      assertFalse(refused.clearTokens());

      filter.filter(
          new Request("POST")
              .cookie(ACCESS_COOKIE, access)
              .header(Requests.RID_HEADER, "session")
              .context());
      assertEquals("alice", filter.verifier.current.require().userId());
    }
  }

  @Test
  void aProtectedAnswerWithoutNewTokensVariesOnCredentialsAndKeepsItsCacheControl()
      throws Exception {
    SessionFilter filter = filterFor("required");
    filter.filter(new Request("GET").bearer(login().accessToken().value()).context());
    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    headers.add(HttpHeaders.CACHE_CONTROL, "private, max-age=60");
    headers.add("Vary", "Accept, cookie");
    filter.verifier.transport.writeTo(headers);
    assertEquals(List.of("private, max-age=60"), headers.get(HttpHeaders.CACHE_CONTROL));
    assertEquals(List.of("Accept, cookie", HttpHeaders.AUTHORIZATION), headers.get("Vary"));
  }

  @Test
  void theFirstRequestAfterARefreshIsPromotedAndGetsANewAccessToken() throws Exception {
    SessionFilter filter = filterFor("required");
    SessionTokens refreshed = baton.refresh(login());
    Request request = new Request("GET").bearer(refreshed.accessToken().value());
    filter.filter(request.context());

    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    filter.verifier.transport.writeTo(headers);
    assertTrue(headers.containsKey(TokenWriter.ACCESS_TOKEN_HEADER), headers.toString());
    assertTrue(headers.containsKey(TokenWriter.FRONT_TOKEN));
    // A cache must never hand this response, and its new token, to someone else.
    assertEquals(List.of("no-store"), headers.get(HttpHeaders.CACHE_CONTROL));
    assertEquals(List.of(HttpHeaders.COOKIE, HttpHeaders.AUTHORIZATION), headers.get("Vary"));
  }

  @Test
  void aSessionTheJakartaSecurityMechanismVerifiedIsTakenAsItIsNotVerifiedAgain() throws Exception {
    SessionFilter filter = filterFor("required");
    SessionTokens tokens = login();
    // The request carries no token of its own: only the mechanism's verdict can let it through.
    Request request =
        new Request("POST")
            .property(
                SessionVerifier.VERIFIED_ATTRIBUTE,
                baton.sessions().getSession(tokens.accessToken().value(), null, false));

    filter.filter(request.context());

    assertEquals("alice", filter.verifier.current.require().userId());
    assertEquals("alice", request.security.getUserPrincipal().getName());
  }

  @Test
  void withJakartaSecurityARolesAllowedMethodWithoutACallerGetsBatonsAnswers() throws Exception {
    try (TestBaton bridged = TestBaton.start("session.jakarta-security.enabled", "true")) {
      SessionFilter filter = filterFor(bridged, "adminOnly");
      UnauthorisedException none =
          assertThrows(
              UnauthorisedException.class, () -> filter.filter(new Request("GET").context()));
      assertFalse(none.clearTokens());
      Request expired =
          new Request("GET")
              .property(SessionVerifier.REFUSAL_ATTRIBUTE, SessionRefusal.TRY_REFRESH);
      assertThrows(TryRefreshTokenException.class, () -> filter.filter(expired.context()));

      Request signedIn = new Request("GET");
      signedIn.security = callerNamed("bob");
      filter.filter(signedIn.context());
      assertEquals("bob", signedIn.security.getUserPrincipal().getName(), "left to the server");

      filterFor(bridged, Guarded.class, "open").filter(new Request("GET").context());
      assertThrows(
          UnauthorisedException.class,
          () -> filterFor(bridged, Guarded.class, "guarded").filter(new Request("GET").context()));
    }
  }

  @Test
  void withoutJakartaSecurityRolesAllowedIsLeftToTheServer() throws Exception {
    Request request = new Request("GET");
    filterFor("adminOnly").filter(request.context());
    assertNull(request.security);
  }

  /** The security context a server sets for a caller its own mechanism authenticated. */
  private static SecurityContext callerNamed(String name) {
    return proxy(
        SecurityContext.class,
        (method, args) ->
            method.equals("getUserPrincipal") ? (java.security.Principal) () -> name : null);
  }

  @Test
  void aSessionAuthenticatedLongerAgoThanMaxAuthAgeFailsItsClaimCheck() throws Exception {
    SessionFilter filter = filterFor("sensitive");
    String token = login().accessToken().value();
    baton.clock().advance(Duration.ofMinutes(5));
    filter.filter(new Request("GET").bearer(token).context());

    baton.clock().advance(Duration.ofSeconds(1));
    InvalidClaimException tooOld =
        assertThrows(
            InvalidClaimException.class,
            () -> filter.filter(new Request("GET").bearer(token).context()));
    assertEquals(1, tooOld.errors().size());
    assertEquals("baton-auth-time", tooOld.errors().get(0).id());
    assertEquals(
        "{\"message\":\"expired\",\"ageInSeconds\":301,\"maxAgeInSeconds\":300}",
        tooOld.errors().get(0).reason().toString());
  }

  @Test
  void afterTheUserAuthenticatesAgainTheSensitiveEndpointLetsThemThrough() throws Exception {
    SessionFilter filter = filterFor("sensitive");
    String token = login().accessToken().value();
    baton.clock().advance(Duration.ofMinutes(10));
    // Where the user re-entered their password: any endpoint with a session.
    SessionFilter reauthenticate = filterFor("required");
    reauthenticate.filter(new Request("POST").bearer(token).context());
    reauthenticate.verifier.current.recordAuthentication();
    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    reauthenticate.verifier.transport.writeTo(headers);
    String fresh = (String) headers.getFirst(TokenWriter.ACCESS_TOKEN_HEADER);

    filter.filter(new Request("GET").bearer(fresh).context());
    assertEquals(
        baton.clock().instant().getEpochSecond(),
        filter.verifier.current.require().authenticatedAt().getEpochSecond());
    assertThrows(
        InvalidClaimException.class,
        () -> filter.filter(new Request("GET").bearer(token).context()));
  }

  @Test
  void aMaxAuthAgeThatIsNotADurationRefusesEveryRequest() throws Exception {
    SessionFilter filter = filterFor("misconfigured");
    String token = login().accessToken().value();
    InvalidClaimException refused =
        assertThrows(
            InvalidClaimException.class,
            () -> filter.filter(new Request("GET").bearer(token).context()));
    assertEquals("baton-auth-time", refused.errors().get(0).id());
  }

  @Test
  void aClaimSetMidRequestReachesTheClientInTheSameResponse() throws Exception {
    SessionFilter filter = filterFor("required");
    SessionTokens tokens = login();
    filter.filter(new Request("GET").bearer(tokens.accessToken().value()).context());

    filter.verifier.current.setClaimValue("st-ev", JsonValue.TRUE);

    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    filter.verifier.transport.writeTo(headers);
    String access = (String) headers.getFirst(TokenWriter.ACCESS_TOKEN_HEADER);
    JsonObject claim = Jwts.claims(access).getJsonObject("st-ev");
    assertEquals(JsonValue.TRUE, claim.get("v"));
    assertEquals(baton.clock().millis(), claim.getJsonNumber("t").longValue());
    String front =
        new String(
            Base64.getDecoder().decode((String) headers.getFirst(TokenWriter.FRONT_TOKEN)),
            StandardCharsets.UTF_8);
    assertTrue(front.contains("\"st-ev\":{\"v\":true"), front);
    assertEquals(
        claim,
        baton
            .sessions()
            .getSessionInformation(tokens.sessionHandle())
            .orElseThrow()
            .accessTokenPayload()
            .getJsonObject("st-ev"),
        "stored for the tokens of later refreshes");

    filter.verifier.current.mergeIntoAccessTokenPayload(
        Json.createObjectBuilder().addNull("st-ev").build());
    assertFalse(filter.verifier.current.require().accessTokenPayload().containsKey("st-ev"));
  }
}
