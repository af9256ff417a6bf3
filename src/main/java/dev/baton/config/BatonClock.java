package dev.baton.config;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Qualifies the {@link java.time.Clock} Baton reads, so that Baton never offers the host
 * application an unqualified {@code Clock} bean that would clash with the host's own.
 */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE})
public @interface BatonClock {

  /** The annotation as a value, for programmatic lookups and test replacements. */
  final class Literal extends jakarta.enterprise.util.AnnotationLiteral<BatonClock>
      implements BatonClock {
    private static final long serialVersionUID = 1L;

    /** The one instance. */
    public static final Literal INSTANCE = new Literal();

    private Literal() {}
  }
}
