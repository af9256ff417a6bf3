package dev.baton.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One Baton server for a whole test class: Weld, Hibernate, Flyway and the keys start once, and
 * {@link BatonExtension} puts the state back between tests (sessions deleted, keys and clock as
 * they were at start, events cleared). Test constructors and methods take {@link TestBaton}, {@link
 * dev.baton.api.SessionService}, {@link MutableClock}, {@link RecordedEvents} and {@link
 * TestDatabase} as parameters. The reset runs after the constructor, so a test creates its sessions
 * in {@code @BeforeEach} or in the test, never in the constructor.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(BatonExtension.class)
public @interface BatonTest {

  /**
   * Configuration overrides, each {@code key=value}.
   *
   * @return the overrides
   */
  String[] config() default {};

  /**
   * Beans of the test's own, such as an application bean that calls Baton.
   *
   * @return the bean classes
   */
  Class<?>[] beans() default {};
}
