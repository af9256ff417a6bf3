package dev.baton.testing;

import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.config.BatonClock;
import dev.baton.config.SessionConfigProducer;
import dev.baton.core.KeyRing;
import dev.baton.health.SessionStoreReadinessCheck;
import dev.baton.persistence.SessionRepository;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Baton on Weld SE with an explicit deployment: the production beans, a test database, a hand-moved
 * clock and the given configuration. One instance is one "server"; several may share a database.
 */
public final class TestBaton implements AutoCloseable {

  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final WeldContainer container;
  private final MutableClock clock;
  private final TestDatabase database;
  private final TestDatabase ownDatabase;

  private TestBaton(
      WeldContainer container,
      MutableClock clock,
      TestDatabase database,
      TestDatabase ownDatabase) {
    this.container = container;
    this.clock = clock;
    this.database = database;
    this.ownDatabase = ownDatabase;
  }

  /** Starts Baton with its default configuration on a fresh database. */
  public static TestBaton start() {
    return builder().start();
  }

  /** Starts Baton with one configuration override on a fresh database. */
  public static TestBaton start(String key, String value) {
    return builder().config(key, value).start();
  }

  public static Builder builder() {
    return new Builder();
  }

  public SessionService sessions() {
    return bean(SessionService.class);
  }

  public MutableClock clock() {
    return clock;
  }

  /** Refreshes with the refresh and anti-CSRF tokens of a token set, as a client does. */
  public SessionTokens refresh(SessionTokens tokens) {
    return sessions().refreshSession(tokens.refreshToken().value(), tokens.antiCsrfToken());
  }

  /** The database this server runs on, its own or a shared one. */
  public TestDatabase database() {
    return database;
  }

  public RecordedEvents events() {
    return bean(RecordedEvents.class);
  }

  public <T> T bean(Class<T> type, Annotation... qualifiers) {
    return container.select(type, qualifiers).get();
  }

  @Override
  public void close() {
    container.shutdown();
    if (ownDatabase != null) {
      ownDatabase.close();
    }
  }

  /** Chooses what a test server shares with others. */
  public static final class Builder {

    private final Map<String, String> config = new HashMap<>();
    private final List<Class<?>> beans = new ArrayList<>();
    private TestDatabase database;
    private MutableClock clock;

    public Builder config(String key, String value) {
      config.put(key, value);
      return this;
    }

    /** Adds beans of the test's own, such as an application bean that calls Baton. */
    public Builder beans(Class<?>... classes) {
      beans.addAll(List.of(classes));
      return this;
    }

    /** Uses a database that the caller owns and closes. */
    public Builder database(TestDatabase shared) {
      this.database = shared;
      return this;
    }

    public Builder clock(MutableClock shared) {
      this.clock = shared;
      return this;
    }

    public TestBaton start() {
      TestDatabase own = database == null ? TestDatabase.create() : null;
      MutableClock time = clock == null ? new MutableClock(START) : clock;
      Config source =
          new SmallRyeConfigBuilder()
              .addDefaultSources()
              .withSources(new PropertiesConfigSource(config, "test", 1000))
              .build();
      try {
        WeldContainer container =
            new Weld("baton-test-" + System.nanoTime())
                .disableDiscovery()
                .addPackages(
                    false,
                    KeyRing.class,
                    SessionConfigProducer.class,
                    SessionRepository.class,
                    SessionStoreReadinessCheck.class)
                .addBeanClasses(
                    TestPersistence.class,
                    ResourceLocalTransactions.Required.class,
                    ResourceLocalTransactions.RequiresNew.class,
                    RecordedEvents.class)
                .addInterceptor(ResourceLocalTransactions.Required.class)
                .addInterceptor(ResourceLocalTransactions.RequiresNew.class)
                .addBeanClasses(beans.toArray(Class<?>[]::new))
                .addExtension(new Instances(source, time, own != null ? own : database))
                .initialize();
        return new TestBaton(container, time, own != null ? own : database, own);
      } catch (RuntimeException e) {
        if (own != null) {
          own.close();
        }
        throw e;
      }
    }
  }

  /** Registers ready-made instances as beans that win over the production producers. */
  static final class Instances implements Extension {

    private final Config config;
    private final Clock clock;
    private final TestDatabase database;

    Instances(Config config, Clock clock, TestDatabase database) {
      this.config = config;
      this.clock = clock;
      this.database = database;
    }

    void register(@Observes AfterBeanDiscovery discovery) {
      discovery
          .addBean()
          .types(Config.class, Object.class)
          .alternative(true)
          .priority(1)
          .createWith(c -> config);
      discovery
          .addBean()
          .types(Clock.class, Object.class)
          .qualifiers(BatonClock.Literal.INSTANCE)
          .alternative(true)
          .priority(1)
          .createWith(c -> clock);
      discovery.addBean().types(TestDatabase.class, Object.class).createWith(c -> database);
    }
  }
}
