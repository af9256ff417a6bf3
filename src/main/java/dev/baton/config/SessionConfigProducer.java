package dev.baton.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;

/** Reads {@link SessionConfig} once from MicroProfile Config and checks every value. */
@ApplicationScoped
public class SessionConfigProducer {

  @Inject Config source;

  private SessionConfig config;

  @PostConstruct
  void load() {
    config = read(source);
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
    String issuer = string(source, "session.issuer", "baton");
    if (issuer.isBlank()) {
      throw new InvalidConfigException("session.issuer", "must not be blank");
    }
    return new SessionConfig(
        access,
        duration(source, "session.access-token.clock-skew", "PT0S"),
        refresh,
        antiCsrf(source),
        positive(source, "session.signing-key.rotation", "P7D"),
        bool(source, "session.check-database", "false"),
        issuer);
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
