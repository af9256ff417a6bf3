package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.exception.TryRefreshTokenException;
import dev.baton.api.exception.UnauthorisedException;
import dev.baton.testing.BatonTest;
import dev.baton.testing.Jwts;
import dev.baton.testing.TestBaton;
import dev.baton.testing.TestDatabase;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an access token contains, and every way a forged or stale one is refused. */
@BatonTest
class AccessTokenTest {

  private final TestBaton baton;
  private final SessionService sessions;
  private SessionTokens tokens;

  AccessTokenTest(TestBaton baton) {
    this.baton = baton;
    sessions = baton.sessions();
  }

  @BeforeEach
  void login() {
    tokens =
        sessions.createNewSession(
            "alice", Json.createObjectBuilder().add("role", "admin").add("tier", 3).build(), null);
  }

  private String token() {
    return tokens.accessToken().value();
  }

  private void assertRefused(String accessToken) {
    assertThrows(
        TryRefreshTokenException.class,
        () -> sessions.getSession(accessToken, tokens.antiCsrfToken(), false));
  }

  @Test
  void accessTokenUsesTheSuperTokensV3LayoutWithPayloadAtTopLevel() {
    JsonObject header = Jwts.header(token());
    JsonObject claims = Jwts.claims(token());
    long iat = claims.getJsonNumber("iat").longValue();
    assertAll(
        () -> assertEquals("RS256", header.getString("alg")),
        () -> assertEquals(baton.bean(KeyRing.class).signingKey().kid(), header.getString("kid")),
        () -> assertEquals("alice", claims.getString("sub")),
        () -> assertEquals("baton", claims.getString("iss")),
        () -> assertEquals(TestBaton.START.getEpochSecond(), iat),
        () -> assertEquals(iat + 3600, claims.getJsonNumber("exp").longValue()),
        () -> assertEquals(tokens.sessionHandle(), claims.getString("sessionHandle")),
        () ->
            assertEquals(
                Secrets.sha256Hex(tokens.refreshToken().value()),
                claims.getString("refreshTokenHash1")),
        () -> assertEquals(tokens.antiCsrfToken(), claims.getString("antiCsrfToken")),
        () -> assertFalse(claims.containsKey("parentRefreshTokenHash1")),
        () -> assertEquals("admin", claims.getString("role")),
        () -> assertEquals(3, claims.getInt("tier")),
        () -> assertEquals(TestBaton.START.plusSeconds(3600), tokens.accessToken().expiresAt()));
  }

  /**
   * The claims a MicroProfile JWT verifier needs (MP-JWT 2.1 "Minimum MP-JWT Required Claims"):
   * Liberty's mpJwt reads the user from {@code upn} only, and Payara wants {@code typ} and {@code
   * jti}. Pinned here so that no change of signer can drop one.
   */
  @Test
  void accessTokensCarryTheMicroProfileJwtClaims() {
    String token =
        sessions
            .createNewSession(
                "carol",
                Json.createObjectBuilder()
                    .add("groups", Json.createArrayBuilder().add("admin").add("user"))
                    .build(),
                null)
            .accessToken()
            .value();
    JsonObject header = Jwts.header(token);
    JsonObject claims = Jwts.claims(token);
    assertAll(
        () -> assertEquals("JWT", header.getString("typ")),
        () -> assertEquals("RS256", header.getString("alg")),
        () -> assertTrue(header.containsKey("kid")),
        () -> assertEquals("baton", claims.getString("iss")),
        () -> assertEquals("carol", claims.getString("sub")),
        () -> assertEquals("carol", claims.getString("upn")),
        () -> assertTrue(claims.containsKey("iat") && claims.containsKey("exp")),
        () ->
            assertEquals(
                Json.createArrayBuilder().add("admin").add("user").build(),
                claims.getJsonArray("groups")),
        () -> assertFalse(claims.containsKey("aud"), "no audience unless configured"));
    String again = sessions.createNewSession("carol", null, null).accessToken().value();
    assertFalse(
        claims.getString("jti").equals(Jwts.claims(again).getString("jti")),
        "each token has its own id");
    assertEquals(
        Json.createObjectBuilder()
            .add("groups", Json.createArrayBuilder().add("admin").add("user"))
            .build(),
        sessions.getSession(token, null, false).accessTokenPayload(),
        "upn and jti are Baton's claims, not the application's payload");
  }

  @Test
  void theAccessTokenSaysWhenTheUserSignedInAndRefreshesKeepIt() {
    assertEquals(
        TestBaton.START.getEpochSecond(),
        Jwts.claims(token()).getJsonNumber("auth_time").longValue());
    baton.clock().advance(Duration.ofHours(2));
    SessionTokens refreshed = baton.refresh(baton.refresh(tokens));
    assertEquals(
        TestBaton.START.getEpochSecond(),
        Jwts.claims(refreshed.accessToken().value()).getJsonNumber("auth_time").longValue());
    assertEquals(
        TestBaton.START,
        sessions
            .getSession(refreshed.accessToken().value(), refreshed.antiCsrfToken(), false)
            .authenticatedAt());
  }

  @Test
  void theConfiguredAudienceIsTheAudClaim() {
    try (TestBaton one = TestBaton.start("session.audience", "orders");
        TestBaton two = TestBaton.start("session.audience", "orders, billing")) {
      assertEquals(
          "orders",
          Jwts.claims(one.sessions().createNewSession("u", null, null).accessToken().value())
              .getString("aud"));
      assertEquals(
          Json.createArrayBuilder().add("orders").add("billing").build(),
          Jwts.claims(two.sessions().createNewSession("u", null, null).accessToken().value())
              .getJsonArray("aud"));
    }
  }

  /**
   * Security review L10: smallrye-jwt's builder applies the application's {@code
   * smallrye.jwt.new-token.*} settings to every token it signs; Baton's tokens must not change.
   */
  @Test
  void applicationWideSmallryeTokenSettingsDoNotChangeBatonsTokens() throws Exception {
    Config hostConfig =
        new SmallRyeConfigBuilder()
            .withDefaultValue("smallrye.jwt.new-token.issuer", "https://host.example")
            .withDefaultValue("smallrye.jwt.new-token.audience", "host-audience")
            .withDefaultValue("smallrye.jwt.new-token.override-matching-claims", "true")
            .withDefaultValue("smallrye.jwt.new-token.lifespan", "5")
            .build();
    // The host application's config, as its class loader sees it.
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    ClassLoader hostLoader = new URLClassLoader(new URL[0], original);
    ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    resolver.registerConfig(hostConfig, hostLoader);
    thread.setContextClassLoader(hostLoader);
    try {
      String hostToken =
          Jwt.claims(Json.createObjectBuilder().add("sub", "bob").build())
              .jws()
              .sign(foreignKeys().getPrivate());
      assertEquals("host-audience", Jwts.claims(hostToken).getString("aud"), "the settings apply");

      String ours = sessions.createNewSession("alice", null, null).accessToken().value();
      JsonObject claims = Jwts.claims(ours);
      assertAll(
          () -> assertEquals("baton", claims.getString("iss")),
          () -> assertFalse(claims.containsKey("aud")),
          () -> assertEquals(22, claims.getString("jti").length(), "Baton's own id, not a UUID"),
          () ->
              assertEquals(
                  3600,
                  claims.getJsonNumber("exp").longValue()
                      - claims.getJsonNumber("iat").longValue()),
          () -> assertEquals("alice", sessions.getSession(ours, null, false).userId()));
    } finally {
      thread.setContextClassLoader(original);
      resolver.releaseConfig(hostConfig);
    }
  }

  @Test
  void verifiedSessionCarriesOnlyTheApplicationPayload() {
    var verified = sessions.getSession(token(), tokens.antiCsrfToken(), true);
    assertEquals(
        Json.createObjectBuilder().add("role", "admin").add("tier", 3).build(),
        verified.accessTokenPayload());
    assertEquals(tokens.sessionHandle(), verified.sessionHandle());
    assertTrue(verified.newAccessToken().isEmpty());
  }

  @Test
  void tokenIsValidUntilTheSecondOfItsExpiryAndNotAfter() {
    baton.clock().advance(Duration.ofSeconds(3599));
    sessions.getSession(token(), null, false);
    baton.clock().advance(Duration.ofSeconds(1));
    assertRefused(token());
  }

  @Test
  void aCachedTokenStillExpiresOnTime() {
    sessions.getSession(token(), null, false);
    sessions.getSession(token(), null, false);
    baton.clock().advance(Duration.ofHours(1));
    assertRefused(token());
  }

  @Test
  void verificationWorksWithoutTheCacheAndWithATinyOne() {
    for (String size : new String[] {"0", "2"}) {
      try (TestBaton other = TestBaton.start("session.access-token.cache-size", size)) {
        for (int i = 0; i < 5; i++) {
          String issued =
              other.sessions().createNewSession("user" + i, null, null).accessToken().value();
          for (int repeat = 0; repeat < 2; repeat++) {
            assertEquals("user" + i, other.sessions().getSession(issued, null, false).userId());
          }
          String forged = issued.substring(0, issued.length() - 4) + "AAAA";
          assertThrows(
              TryRefreshTokenException.class,
              () -> other.sessions().getSession(forged, null, false));
        }
      }
    }
  }

  @Test
  void configuredClockSkewIsTheOnlyLeeway() {
    try (TestBaton skewed = TestBaton.start("session.access-token.clock-skew", "PT30S")) {
      String skewedToken =
          skewed.sessions().createNewSession("bob", null, null).accessToken().value();
      skewed.clock().advance(Duration.ofSeconds(3629));
      skewed.sessions().getSession(skewedToken, null, false);
      skewed.clock().advance(Duration.ofSeconds(1));
      assertThrows(
          TryRefreshTokenException.class,
          () -> skewed.sessions().getSession(skewedToken, null, false));
    }
  }

  @Test
  void tamperedPayloadIsRefused() {
    String[] parts = token().split("\\.");
    JsonObject forged =
        Json.createObjectBuilder(Jwts.claims(token())).add("role", "superuser").build();
    assertRefused(parts[0] + "." + Jwts.encode(forged) + "." + parts[2]);
  }

  @Test
  void algNoneIsRefused() {
    JsonObject header = Json.createObjectBuilder(Jwts.header(token())).add("alg", "none").build();
    String payload = token().split("\\.")[1];
    assertRefused(Jwts.encode(header) + "." + payload + ".");
    assertRefused(Jwts.encode(header) + "." + payload);
  }

  @Test
  void hmacSignedWithThePublicKeyIsRefused() throws Exception {
    JsonObject header = Json.createObjectBuilder(Jwts.header(token())).add("alg", "HS256").build();
    String input = Jwts.encode(header) + "." + token().split("\\.")[1];
    byte[] publicKey = baton.bean(KeyRing.class).signingKey().publicKey().getEncoded();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
    String signature =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    assertRefused(input + "." + signature);
  }

  @Test
  void tokenSignedWithAnotherKeyUnderOurKidIsRefused() throws Exception {
    String kid = Jwts.header(token()).getString("kid");
    assertRefused(signWithForeignKey(kid, Json.createObjectBuilder().build()));
  }

  @Test
  void tokenWithUnknownKidIsRefused() throws Exception {
    assertRefused(signWithForeignKey("someone-elses-key", Json.createObjectBuilder().build()));
  }

  @Test
  void tokenWithoutKidIsRefused() throws Exception {
    assertRefused(
        Jwt.claims(Jwts.claims(token()))
            .jws()
            .algorithm(SignatureAlgorithm.RS256)
            .sign(foreignKeys().getPrivate()));
  }

  @Test
  void tokenThatNamesItsOwnKeyIsRefusedEvenWhenSignedByUs() {
    KeyMaterial.SigningKey ours = baton.bean(KeyRing.class).signingKey();
    for (String header : new String[] {"jku", "x5u", "jwk"}) {
      Object value =
          header.equals("jwk")
              ? Json.createObjectBuilder().add("kty", "RSA").build()
              : "https://attacker.example/k";
      String token =
          Jwt.claims(Jwts.claims(token()))
              .jws()
              .algorithm(SignatureAlgorithm.RS256)
              .keyId(ours.kid())
              .header(header, value)
              .sign(ours.privateKey());
      assertRefused(token);
    }
  }

  @Test
  void tokenFromAnotherIssuerIsRefusedEvenWhenSignedByUs() {
    KeyMaterial.SigningKey ours = baton.bean(KeyRing.class).signingKey();
    JsonObject claims = Json.createObjectBuilder(Jwts.claims(token())).add("iss", "other").build();
    assertRefused(
        Jwt.claims(claims)
            .jws()
            .algorithm(SignatureAlgorithm.RS256)
            .keyId(ours.kid())
            .sign(ours.privateKey()));
  }

  @Test
  void tokenWithWronglyTypedClaimsIsRefusedEvenWhenSignedByUs() {
    KeyMaterial.SigningKey ours = baton.bean(KeyRing.class).signingKey();
    for (JsonObject claims :
        new JsonObject[] {
          Json.createObjectBuilder(Jwts.claims(token())).add("sub", 42).build(),
          Json.createObjectBuilder(Jwts.claims(token())).add("exp", "tomorrow").build(),
          Json.createObjectBuilder(Jwts.claims(token())).remove("sessionHandle").build(),
          // A token from before Baton wrote auth_time must not pass for a fresh authentication.
          Json.createObjectBuilder(Jwts.claims(token())).remove("auth_time").build(),
          Json.createObjectBuilder(Jwts.claims(token())).add("auth_time", "recently").build()
        }) {
      assertRefused(
          Jwt.claims(claims)
              .jws()
              .algorithm(SignatureAlgorithm.RS256)
              .keyId(ours.kid())
              .sign(ours.privateKey()));
    }
  }

  @Test
  void antiCsrfCheckNeedsTheTokenIssuedWithTheSession() {
    assertAll(
        () ->
            assertThrows(
                TryRefreshTokenException.class, () -> sessions.getSession(token(), null, true)),
        () ->
            assertThrows(
                TryRefreshTokenException.class, () -> sessions.getSession(token(), "forged", true)),
        () ->
            assertEquals(
                "alice", sessions.getSession(token(), tokens.antiCsrfToken(), true).userId()),
        () -> assertEquals("alice", sessions.getSession(token(), null, false).userId()));
  }

  @Test
  void withoutViaTokenModeNoAntiCsrfTokenIsIssuedOrChecked() {
    for (String mode : new String[] {"VIA_CUSTOM_HEADER", "NONE"}) {
      try (TestBaton other = TestBaton.start("session.anti-csrf", mode)) {
        SessionTokens issued = other.sessions().createNewSession("bob", null, null);
        assertNull(issued.antiCsrfToken());
        assertFalse(Jwts.claims(issued.accessToken().value()).containsKey("antiCsrfToken"));
        other.sessions().getSession(issued.accessToken().value(), null, true);
        other.sessions().refreshSession(issued.refreshToken().value(), null);
      }
    }
  }

  @Test
  void checkDatabaseAnswersWithTheStoredPayloadAndRefusesRevokedSessions() {
    try (TestBaton strict = TestBaton.start("session.check-database", "true")) {
      JsonObject free = Json.createObjectBuilder().add("plan", "free").build();
      JsonObject pro = Json.createObjectBuilder().add("plan", "pro").build();
      SessionTokens issued = strict.sessions().createNewSession("bob", free, null);
      String token = issued.accessToken().value();
      assertEquals(free, strict.sessions().getSession(token, null, false).accessTokenPayload());
      strict.sessions().updateAccessTokenPayload(issued.sessionHandle(), pro);
      assertEquals(
          pro,
          strict.sessions().getSession(token, null, false).accessTokenPayload(),
          "the stored payload, as SuperTokens' database-checked verify answers");
      strict.sessions().revokeSession(issued.sessionHandle());
      assertThrows(
          UnauthorisedException.class, () -> strict.sessions().getSession(token, null, false));
    }
  }

  @Test
  void checkDatabaseRefusesTokensOfExpiredSessionsThatAreNotPurgedYet() {
    try (TestBaton strict =
        TestBaton.builder()
            .config("session.check-database", "true")
            .config("session.refresh-token.validity", "PT1H1S")
            .config("session.access-token.clock-skew", "PT30S")
            .start()) {
      SessionTokens issued = strict.sessions().createNewSession("bob", null, null);
      // The token is still within its skew; the session ended a few seconds ago.
      strict.clock().advance(Duration.ofHours(1).plusSeconds(10));
      assertThrows(
          UnauthorisedException.class,
          () -> strict.sessions().getSession(issued.accessToken().value(), null, false),
          "the row is still there, but the session expired");
    }
  }

  @Test
  void withoutCheckDatabaseVerificationIsStateless() {
    sessions.revokeSession(tokens.sessionHandle());
    assertEquals("alice", sessions.getSession(token(), null, false).userId());
  }

  private static KeyPair foreignKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private String signWithForeignKey(String kid, JsonObject extra) throws Exception {
    JsonObject claims =
        Json.createObjectBuilder(Jwts.claims(token()))
            .addAll(Json.createObjectBuilder(extra))
            .build();
    return Jwt.claims(claims)
        .jws()
        .algorithm(SignatureAlgorithm.RS256)
        .keyId(kid)
        .sign(foreignKeys().getPrivate());
  }

  /**
   * Security review L3: a token verified before stays accepted from memory only while its key is in
   * the ring; once the key row is deleted (after a compromise), the token is refused.
   */
  @Test
  void aVerifiedTokenIsRefusedOnceItsSigningKeyIsDeleted() throws Exception {
    assertEquals("alice", sessions.getSession(token(), null, false).userId());
    try (Connection connection = baton.database().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM baton_signing_key");
    }
    baton.bean(KeyRing.class).reload();
    assertRefused(token());
  }

  /** Security review L3: a genuine signature on a longer life than Baton issues is refused. */
  @Test
  void aTokenLivingLongerThanTheConfiguredValidityIsRefused() {
    onOneDatabase(
        "PT2H",
        (generous, strict) -> {
          String longLived =
              generous.sessions().createNewSession("alice", null, null).accessToken().value();
          String usual =
              strict.sessions().createNewSession("bob", null, null).accessToken().value();

          assertEquals("alice", generous.sessions().getSession(longLived, null, false).userId());
          assertThrows(
              TryRefreshTokenException.class,
              () -> strict.sessions().getSession(longLived, null, false));
          assertEquals("bob", generous.sessions().getSession(usual, null, false).userId());
        });
  }

  @Test
  void aTokenOneSecondLongerThanTheValidityPassesForJwtsWholeSeconds() {
    onOneDatabase(
        "PT1H1S",
        (slightlyLonger, strict) -> {
          String token =
              slightlyLonger.sessions().createNewSession("alice", null, null).accessToken().value();
          assertEquals("alice", strict.sessions().getSession(token, null, false).userId());
        });
  }

  /**
   * Runs a check against two servers sharing one database and its keys: one issuing with the given
   * access-token validity, one with the default (an hour).
   */
  private static void onOneDatabase(
      String issuerValidity, java.util.function.BiConsumer<TestBaton, TestBaton> check) {
    try (TestDatabase shared = TestDatabase.create();
        TestBaton issuer =
            TestBaton.builder()
                .database(shared)
                .config("session.access-token.validity", issuerValidity)
                .start();
        TestBaton strict = TestBaton.builder().database(shared).start()) {
      check.accept(issuer, strict);
    }
  }
}
