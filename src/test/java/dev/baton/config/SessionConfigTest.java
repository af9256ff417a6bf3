package dev.baton.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.TestBaton;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionConfigTest {

  private static Config config(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(properties, "test", 100))
        .build();
  }

  @Test
  void defaultsMatchTheDocumentation() {
    SessionConfig config = SessionConfigProducer.read(config(Map.of()));
    assertAll(
        () -> assertEquals(Duration.ofHours(1), config.accessTokenValidity()),
        () -> assertEquals(Duration.ZERO, config.accessTokenClockSkew()),
        () -> assertEquals(Duration.ofDays(100), config.refreshTokenValidity()),
        () -> assertEquals(AntiCsrfMode.VIA_TOKEN, config.antiCsrf()),
        () -> assertEquals(Duration.ofDays(7), config.signingKeyRotation()),
        () -> assertFalse(config.checkDatabase()),
        () -> assertEquals("baton", config.issuer()),
        () -> assertEquals(10_000, config.accessTokenCacheSize()),
        () -> assertEquals(Duration.ofHours(1), config.purgeInterval()),
        () -> assertEquals(Duration.ofSeconds(5), config.lockTimeout()),
        () -> assertEquals(Duration.ofDays(7), config.refreshTokenKeyRotation()),
        () -> assertEquals(Duration.ofDays(30), config.absoluteLifetime()));
  }

  @Test
  void environmentVariablesOverrideAsMicroProfileConfigDefines() {
    Config source =
        new SmallRyeConfigBuilder()
            .withSources(
                new PropertiesConfigSource(
                    Map.of("session.access-token.validity", "PT1H"), "file", 100))
            .withSources(
                new EnvConfigSource(
                    Map.of(
                        "SESSION_ACCESS_TOKEN_VALIDITY",
                        "PT5S",
                        "SESSION_CHECK_DATABASE",
                        "true",
                        "SESSION_ANTI_CSRF",
                        "via_custom_header"),
                    300))
            .build();
    SessionConfig config = SessionConfigProducer.read(source);
    assertEquals(Duration.ofSeconds(5), config.accessTokenValidity());
    assertTrue(config.checkDatabase());
    assertEquals(AntiCsrfMode.VIA_CUSTOM_HEADER, config.antiCsrf());
  }

  @ParameterizedTest
  @CsvSource({
    "session.access-token.validity, one hour",
    "session.access-token.validity, PT0S",
    "session.access-token.validity, -PT1H",
    "session.access-token.clock-skew, -PT1S",
    "session.refresh-token.validity, PT30M",
    "session.anti-csrf, SOMETIMES",
    "session.signing-key.rotation, P0D",
    "session.check-database, yes",
    "session.issuer, ' '",
    "session.access-token.cache-size, -1",
    "session.access-token.cache-size, lots",
    "session.lock-timeout, PT0.5S",
    "session.lock-timeout, -PT1S",
    "session.refresh-token-key.rotation, PT0S",
    "session.refresh-token-key.rotation, weekly",
    "session.absolute-lifetime, PT0S",
    "session.absolute-lifetime, PT1H",
    "session.audience, 'orders service'"
  })
  void invalidValueIsRefusedNamingTheKey(String key, String value) {
    InvalidConfigException refused =
        assertThrows(
            InvalidConfigException.class,
            () -> SessionConfigProducer.read(config(Map.of(key, value))));
    assertTrue(refused.getMessage().contains("'" + key + "'"), refused.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "session.max-sessions-per-user, -1",
    "session.max-sessions-per-user, many",
    "session.max-sessions-per-user.policy, oldest",
    "session.client-address, encrypted"
  })
  void invalidLifecycleValueIsRefusedNamingTheKey(String key, String value) {
    InvalidConfigException refused =
        assertThrows(
            InvalidConfigException.class,
            () -> SessionConfigProducer.readLifecycle(config(Map.of(key, value))));
    assertTrue(refused.getMessage().contains("'" + key + "'"), refused.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "session.warm-up.url, localhost:9080/auth",
    "session.warm-up.url, ftp://localhost/auth",
    "session.warm-up.url, http:///auth",
    "session.warm-up.url, http://localhost:9080/auth?x=1",
    "session.warm-up.max-duration, PT0S",
    "session.warm-up.max-duration, a minute"
  })
  void invalidWarmUpValueIsRefusedNamingTheKey(String key, String value) {
    InvalidConfigException refused =
        assertThrows(
            InvalidConfigException.class,
            () -> SessionConfigProducer.readWarmUp(config(Map.of(key, value))));
    assertTrue(refused.getMessage().contains("'" + key + "'"), refused.getMessage());
  }

  @Test
  void theWarmUpIsOffUntilAUrlIsSetAndLastsAtMostTwoMinutes() {
    WarmUpConfig defaults = SessionConfigProducer.readWarmUp(config(Map.of()));
    assertFalse(defaults.enabled());
    assertEquals(Duration.ofMinutes(2), defaults.maxDuration());
    WarmUpConfig set =
        SessionConfigProducer.readWarmUp(
            config(Map.of("session.warm-up.url", "http://localhost:9080/auth/")));
    assertTrue(set.enabled());
    assertEquals(URI.create("http://localhost:9080/auth"), set.url().orElseThrow());
  }

  @Test
  void lifecycleDefaultsAreNoLimitAndTruncatedAddresses() {
    LifecycleConfig defaults = SessionConfigProducer.readLifecycle(config(Map.of()));
    assertEquals(
        new LifecycleConfig(
            0,
            LifecycleConfig.SessionLimitPolicy.EVICT_LEAST_RECENTLY_USED,
            LifecycleConfig.ClientAddressStorage.TRUNCATED),
        defaults);
    assertFalse(defaults.limitsSessions());
    LifecycleConfig set =
        SessionConfigProducer.readLifecycle(
            config(
                Map.of(
                    "session.max-sessions-per-user", "3",
                    "session.max-sessions-per-user.policy", "refuse",
                    "session.client-address", "hashed")));
    assertEquals(
        new LifecycleConfig(
            3,
            LifecycleConfig.SessionLimitPolicy.REFUSE,
            LifecycleConfig.ClientAddressStorage.HASHED),
        set);
    assertTrue(set.limitsSessions());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "session.signing-key.rotation=PT30M|session.signing-key.rotation",
        "session.access-token.validity=PT2H;session.signing-key.rotation=PT1H"
            + "|session.signing-key.rotation",
      })
  void unsafeEngineCombinationsAreRefusedNamingTheKey(String settings, String key) {
    InvalidConfigException refused =
        assertThrows(
            InvalidConfigException.class, () -> SessionConfigProducer.read(config(map(settings))));
    assertTrue(refused.getMessage().contains("'" + key + "'"), refused.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "session.cookie.same-site=NONE;session.anti-csrf=NONE|session.cookie.same-site",
        "session.cors.allowed-origins=http://app.example.com|session.cors.allowed-origins",
        "session.cors.allowed-origins=https://a.example.com,http://localhost.example.com"
            + "|session.cors.allowed-origins",
        "session.cookie.name-prefixes=true;session.cookie.secure=false"
            + "|session.cookie.name-prefixes",
        "session.cookie.name-prefixes=true;session.cookie.domain=example.com"
            + "|session.cookie.name-prefixes",
        "session.cookie.domain=.example.com;session.cookie.older-domain=.EXAMPLE.com"
            + "|session.cookie.older-domain",
        "session.jakarta-security.enabled=yes|session.jakarta-security.enabled",
      })
  void unsafeWebCombinationsAreRefusedNamingTheKey(String settings, String key) {
    InvalidConfigException refused =
        assertThrows(
            InvalidConfigException.class,
            () -> SessionConfigProducer.readWeb(config(map(settings))));
    assertTrue(refused.getMessage().contains("'" + key + "'"), refused.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "session.cookie.same-site=NONE;session.anti-csrf=VIA_TOKEN",
        "session.cookie.same-site=NONE;session.anti-csrf=VIA_CUSTOM_HEADER",
        "session.cors.allowed-origins=http://localhost:5173,http://127.0.0.1,http://[::1]:8080",
        "session.cors.allowed-origins=https://app.example.com",
        "session.cookie.name-prefixes=true;session.cookie.older-domain=.example.com",
      })
  void safeWebCombinationsAreAccepted(String settings) {
    SessionConfigProducer.readWeb(config(map(settings)));
  }

  @Test
  void theJakartaSecurityMechanismIsOffUnlessAskedFor() {
    assertFalse(SessionConfigProducer.readWeb(config(Map.of())).jakartaSecurity());
    assertTrue(
        SessionConfigProducer.readWeb(config(Map.of("session.jakarta-security.enabled", "TRUE")))
            .jakartaSecurity());
  }

  @Test
  void refreshPageCookieDomainIsOptional() {
    assertEquals(
        java.util.Optional.empty(),
        SessionConfigProducer.readWeb(config(Map.of())).frontendCookieDomain());
    assertEquals(
        java.util.Optional.of(".example.com"),
        SessionConfigProducer.readWeb(
                config(Map.of("session.refresh-page.frontend-cookie-domain", " .example.com ")))
            .frontendCookieDomain());
  }

  private static Map<String, String> map(String settings) {
    Map<String, String> map = new java.util.HashMap<>();
    for (String setting : settings.split(";")) {
      String[] pair = setting.split("=", 2);
      map.put(pair[0], pair[1]);
    }
    return map;
  }

  @Test
  void invalidConfigurationStopsStartUp() {
    RuntimeException failure =
        assertThrows(
            RuntimeException.class,
            () -> TestBaton.start("session.refresh-token.validity", "PT1M").close());
    Throwable cause = failure;
    while (!(cause instanceof InvalidConfigException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    assertTrue(cause.getMessage().contains("session.refresh-token.validity"));
  }
}
