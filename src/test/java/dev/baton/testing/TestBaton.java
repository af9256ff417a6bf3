package dev.baton.testing;

import dev.baton.api.SessionService;
import dev.baton.config.SessionConfigProducer;
import dev.baton.core.DefaultSessionService;
import dev.baton.persistence.SessionRepository;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Baton on Weld SE with an explicit deployment: the production beans, a fresh test database, a
 * hand-moved clock and the given configuration. One instance is one "server".
 */
public final class TestBaton implements AutoCloseable {

  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final WeldContainer container;
  private final MutableClock clock;

  private TestBaton(WeldContainer container, MutableClock clock) {
    this.container = container;
    this.clock = clock;
  }

  /** Starts Baton with its default configuration. */
  public static TestBaton start() {
    return start(Map.of());
  }

  /** Starts Baton with configuration overrides, e.g. {@code session.anti-csrf=NONE}. */
  public static TestBaton start(Map<String, String> config) {
    MutableClock clock = new MutableClock(START);
    Config source = new SmallRyeConfigBuilder()
        .addDefaultSources()
        .withSources(new PropertiesConfigSource(config, "test", 1000))
        .build();
    WeldContainer container = new Weld("baton-test-" + System.nanoTime())
        .disableDiscovery()
        .addPackages(false, DefaultSessionService.class, SessionConfigProducer.class,
            SessionRepository.class)
        .addBeanClasses(TestPersistence.class, ResourceLocalTransactions.class,
            RecordedEvents.class)
        .addInterceptor(ResourceLocalTransactions.class)
        .addExtension(new Instances(source, clock))
        .initialize();
    return new TestBaton(container, clock);
  }

  public SessionService sessions() {
    return bean(SessionService.class);
  }

  public MutableClock clock() {
    return clock;
  }

  public RecordedEvents events() {
    return bean(RecordedEvents.class);
  }

  public <T> T bean(Class<T> type) {
    return container.select(type).get();
  }

  @Override
  public void close() {
    container.shutdown();
  }

  /** Registers ready-made instances as beans that win over the production producers. */
  static final class Instances implements Extension {

    private final Config config;
    private final Clock clock;

    Instances(Config config, Clock clock) {
      this.config = config;
      this.clock = clock;
    }

    void register(@Observes AfterBeanDiscovery discovery) {
      discovery.addBean().types(Config.class, Object.class).alternative(true).priority(1)
          .createWith(c -> config);
      discovery.addBean().types(Clock.class, Object.class).alternative(true).priority(1)
          .createWith(c -> clock);
    }
  }
}
