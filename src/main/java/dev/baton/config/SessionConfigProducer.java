package dev.baton.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@link SessionConfig}, {@link WebConfig}, {@link LifecycleConfig}, {@link WarmUpConfig} and
 * {@link KeyEncryptionKeys} once from MicroProfile Config and checks every value.
 */
@ApplicationScoped
public class SessionConfigProducer {

  @Inject Config source;

  private SessionConfig config;
  private WebConfig web;
  private KeyEncryptionKeys keyEncryption;
  private LifecycleConfig lifecycle;
  private WarmUpConfig warmUp;

  @PostConstruct
  void load() {
    config = read(source);
    web = readWeb(source);
    keyEncryption = readKeyEncryption(source);
    lifecycle = readLifecycle(source);
    warmUp = readWarmUp(source);
  }

  /**
   * The validated warm-up settings.
   *
   * @return the configuration record
   */
  @Produces
  public WarmUpConfig warmUpConfig() {
    return warmUp;
  }

  /**
   * Reads the warm-up a server runs before it reports ready.
   *
   * @param source where values come from
   * @return the configuration
   * @throws InvalidConfigException naming the first key whose value is wrong
   */
  public static WarmUpConfig readWarmUp(Config source) {
    Optional<URI> url =
        optional(source, "session.warm-up.url").map(SessionConfigProducer::warmUpUrl);
    return new WarmUpConfig(url, positive(source, "session.warm-up.max-duration", "PT2M"));
  }

  private static URI warmUpUrl(String value) {
    try {
      URI url = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      if (("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
          && url.getHost() != null
          && url.getQuery() == null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // answered below, with the key
    }
    throw new InvalidConfigException(
        "session.warm-up.url",
        "expected this server's own address of Baton's endpoints, such as"
            + " http://localhost:9080/auth");
  }

  /**
   * The validated session limits and device settings.
   *
   * @return the configuration record
   */
  @Produces
  public LifecycleConfig lifecycleConfig() {
    return lifecycle;
  }

  /**
   * Reads the per-user session limit and how client addresses are kept.
   *
   * @param source where values come from
   * @return the configuration
   * @throws InvalidConfigException naming the first key whose value is wrong
   */
  public static LifecycleConfig readLifecycle(Config source) {
    return new LifecycleConfig(
        nonNegative(source, "session.max-sessions-per-user", "0"),
        choice(
            source,
            "session.max-sessions-per-user.policy",
            LifecycleConfig.SessionLimitPolicy.EVICT_LEAST_RECENTLY_USED),
        choice(source, "session.client-address", LifecycleConfig.ClientAddressStorage.TRUNCATED));
  }

  /** One of an enum's constants, named in any case, with dashes for underscores. */
  private static <E extends Enum<E>> E choice(Config source, String key, E fallback) {
    String value = string(source, key, fallback.name()).toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return Enum.valueOf(fallback.getDeclaringClass(), value);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(
          key,
          "expected one of "
              + Arrays.stream(fallback.getDeclaringClass().getEnumConstants())
                  .map(Enum::name)
                  .toList());
    }
  }

  /**
   * The validated key-encryption keys.
   *
   * @return the keys, each optional
   */
  @Produces
  public KeyEncryptionKeys keyEncryptionKeys() {
    return keyEncryption;
  }

  /**
   * Reads the key-encryption keys: each from a file or a PKCS12 keystore.
   *
   * @param source where values come from
   * @return the keys
   * @throws InvalidConfigException naming the first key whose value is wrong
   */
  public static KeyEncryptionKeys readKeyEncryption(Config source) {
    KeyEncryptionKeys keys =
        new KeyEncryptionKeys(
            KeyEncryptionKeyReader.read(source, "session.key-encryption-key"),
            KeyEncryptionKeyReader.read(source, "session.previous-key-encryption-key"));
    if (keys.previous().isPresent() && keys.current().isEmpty()) {
      throw new InvalidConfigException(
          "session.previous-key-encryption-key",
          "needs session.key-encryption-key: the key to re-wrap Baton's keys under");
    }
    return keys;
  }

  /**
   * The validated HTTP configuration.
   *
   * @return the configuration record
   */
  @Produces
  public WebConfig webConfig() {
    return web;
  }

  /**
   * The validated configuration.
   *
   * @return the configuration record
   */
  @Produces
  public SessionConfig sessionConfig() {
    return config;
  }

  /**
   * Reads and validates the configuration.
   *
   * @param source where values come from
   * @return the configuration
   * @throws InvalidConfigException naming the first key whose value is wrong
   */
  public static SessionConfig read(Config source) {
    Duration access = positive(source, "session.access-token.validity", "PT1H");
    Duration refresh = positive(source, "session.refresh-token.validity", "P100D");
    if (refresh.compareTo(access) <= 0) {
      throw new InvalidConfigException(
          "session.refresh-token.validity", "must be longer than session.access-token.validity");
    }
    Duration rotation = positive(source, "session.signing-key.rotation", "P7D");
    if (rotation.compareTo(access) < 0) {
      // A key would retire while tokens it signed still live, and servers would rotate on
      // nearly every token.
      throw new InvalidConfigException(
          "session.signing-key.rotation", "must not be shorter than session.access-token.validity");
    }
    String issuer = string(source, "session.issuer", "baton");
    if (issuer.isBlank()) {
      throw new InvalidConfigException("session.issuer", "must not be blank");
    }
    return new SessionConfig(
        access,
        duration(source, "session.access-token.clock-skew", "PT0S"),
        refresh,
        antiCsrf(source),
        rotation,
        bool(source, "session.check-database", "false"),
        issuer,
        nonNegative(source, "session.access-token.cache-size", "10000"),
        duration(source, "session.purge.interval", "PT1H"),
        // Negative durations are refused for every key (see duration).
        wholeSeconds(source, "session.lock-timeout", "PT5S"),
        // NIST SP 800-38D section 8.3: at most 2^32 random-IV seals per AES-GCM key; a week of
        // refreshes stays far below that (security review L12).
        positive(source, "session.refresh-token-key.rotation", "P7D"),
        absoluteLifetime(source, access),
        claimName(source, "session.roles-claim", "groups"),
        audience(source));
  }

  /** {@code session.audience}: comma-separated, each value a non-blank string without spaces. */
  private static List<String> audience(Config source) {
    List<String> audience =
        Arrays.stream(string(source, "session.audience", "").split(",", -1))
            .map(String::trim)
            .filter(a -> !a.isEmpty())
            .toList();
    for (String value : audience) {
      if (value.chars().anyMatch(Character::isWhitespace)) {
        throw new InvalidConfigException(
            "session.audience", "expected comma-separated names such as orders-service");
      }
    }
    return audience;
  }

  private static String claimName(Config source, String key, String fallback) {
    String name = string(source, key, fallback);
    if (!name.matches("[A-Za-z][A-Za-z0-9_:.-]*")) {
      throw new InvalidConfigException(key, "expected a claim name such as groups");
    }
    return name;
  }

  private static Duration absoluteLifetime(Config source, Duration accessValidity) {
    // A month: a stolen refresh token, however diligently refreshed, is dead within a month, and
    // a user of a daily application signs in about monthly (ASVS 7.3.2 asks for a finite bound).
    Duration lifetime = positive(source, "session.absolute-lifetime", "P30D");
    if (lifetime.compareTo(accessValidity) <= 0) {
      throw new InvalidConfigException(
          "session.absolute-lifetime", "must be longer than session.access-token.validity");
    }
    return lifetime;
  }

  /**
   * Reads and validates the HTTP configuration.
   *
   * @param source where values come from
   * @return the configuration
   * @throws InvalidConfigException naming the first key whose value is wrong
   */
  public static WebConfig readWeb(Config source) {
    String base = string(source, "session.api-base-path", "/auth");
    if (!base.matches("(/[A-Za-z0-9._~-]+)+")) {
      throw new InvalidConfigException(
          "session.api-base-path",
          "expected a path such as /auth: a leading slash, no trailing slash");
    }
    int expiredStatus = integer(source, "session.session-expired-status", "401");
    if (expiredStatus < 400 || expiredStatus > 499) {
      throw new InvalidConfigException("session.session-expired-status", "expected a 4xx status");
    }
    WebConfig.SameSite sameSite = sameSite(source);
    boolean secure = bool(source, "session.cookie.secure", "true");
    if (sameSite == WebConfig.SameSite.NONE && !secure) {
      throw new InvalidConfigException(
          "session.cookie.same-site", "NONE needs session.cookie.secure=true");
    }
    if (sameSite == WebConfig.SameSite.NONE && antiCsrf(source) == AntiCsrfMode.NONE) {
      // Every site could then post with the user's cookies (SuperTokens picks
      // VIA_CUSTOM_HEADER for SameSite=None).
      throw new InvalidConfigException(
          "session.cookie.same-site",
          "NONE needs session.anti-csrf VIA_TOKEN or VIA_CUSTOM_HEADER");
    }
    String domain = string(source, "session.cookie.domain", "");
    List<String> origins =
        Arrays.stream(string(source, "session.cors.allowed-origins", "").split(","))
            .map(String::trim)
            .filter(o -> !o.isEmpty())
            .toList();
    for (String origin : origins) {
      if (!origin.matches("https?://[^/\\s]+")) {
        throw new InvalidConfigException(
            "session.cors.allowed-origins",
            "expected origins such as https://app.example.com, without a path");
      }
      if (origin.startsWith("http://") && !isLoopback(origin)) {
        // Credentials for a page anyone on the network path can rewrite.
        throw new InvalidConfigException(
            "session.cors.allowed-origins",
            "an http:// origin is allowed only on localhost; use https://");
      }
    }
    boolean prefixes = bool(source, "session.cookie.name-prefixes", "false");
    if (prefixes && (!secure || !domain.isEmpty())) {
      // A browser drops a __Host- cookie that is not Secure or names a Domain.
      throw new InvalidConfigException(
          "session.cookie.name-prefixes",
          "true needs session.cookie.secure=true and no session.cookie.domain");
    }
    Optional<String> olderDomain = optional(source, "session.cookie.older-domain");
    if (olderDomain.isPresent() && olderDomain.get().equalsIgnoreCase(domain)) {
      throw new InvalidConfigException(
          "session.cookie.older-domain", "must differ from session.cookie.domain");
    }
    return new WebConfig(
        base,
        expiredStatus,
        sameSite,
        secure,
        domain.isEmpty() ? Optional.empty() : Optional.of(domain),
        origins,
        string(source, "session.login-url", "/"),
        optional(source, "session.refresh-page.frontend-cookie-domain"),
        prefixes,
        olderDomain,
        jakartaSecurityEnabled(source));
  }

  /**
   * Whether Baton's Jakarta Security mechanism is wanted, read on its own because the CDI extension
   * that registers the mechanism needs it before any bean exists.
   *
   * @param source where values come from
   * @return {@code session.jakarta-security.enabled}, default {@code false}
   * @throws InvalidConfigException when the value is neither true nor false
   */
  public static boolean jakartaSecurityEnabled(Config source) {
    return bool(source, "session.jakarta-security.enabled", "false");
  }

  private static boolean isLoopback(String origin) {
    String host = origin.substring("http://".length()).replaceFirst(":\\d+$", "");
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }

  private static int integer(Config source, String key, String fallback) {
    try {
      return Integer.parseInt(string(source, key, fallback));
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(key, "expected a whole number");
    }
  }

  private static int nonNegative(Config source, String key, String fallback) {
    int value = integer(source, key, fallback);
    if (value < 0) {
      throw new InvalidConfigException(key, "must not be negative");
    }
    return value;
  }

  private static WebConfig.SameSite sameSite(Config source) {
    String key = "session.cookie.same-site";
    try {
      return WebConfig.SameSite.valueOf(string(source, key, "LAX").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(key, "expected LAX, STRICT or NONE");
    }
  }

  private static Optional<String> optional(Config source, String key) {
    return source.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static String string(Config source, String key, String fallback) {
    return source.getOptionalValue(key, String.class).orElse(fallback).trim();
  }

  private static Duration duration(Config source, String key, String fallback) {
    try {
      Duration value = Duration.parse(string(source, key, fallback));
      if (value.isNegative()) {
        throw new InvalidConfigException(key, "must not be negative");
      }
      return value;
    } catch (DateTimeParseException e) {
      throw new InvalidConfigException(key, "expected an ISO-8601 duration such as PT1H");
    }
  }

  private static Duration wholeSeconds(Config source, String key, String fallback) {
    Duration value = duration(source, key, fallback);
    if (value.toNanosPart() != 0) {
      throw new InvalidConfigException(key, "expected whole seconds, such as PT5S");
    }
    return value;
  }

  private static Duration positive(Config source, String key, String fallback) {
    Duration value = duration(source, key, fallback);
    if (value.isZero()) {
      throw new InvalidConfigException(key, "must be longer than zero");
    }
    return value;
  }

  private static boolean bool(Config source, String key, String fallback) {
    String value = string(source, key, fallback).toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new InvalidConfigException(key, "expected true or false");
    }
    return Boolean.parseBoolean(value);
  }

  private static AntiCsrfMode antiCsrf(Config source) {
    String key = "session.anti-csrf";
    String value = string(source, key, "VIA_TOKEN").toUpperCase(Locale.ROOT);
    try {
      return AntiCsrfMode.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(key, "expected VIA_TOKEN, VIA_CUSTOM_HEADER or NONE");
    }
  }
}
