package dev.baton.jaxrs;

import static dev.baton.jaxrs.SessionFilterTest.proxy;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The mechanism is a bean only when the application asked for it; nothing else is touched. */
class JakartaSecurityExtensionTest {

  private static boolean vetoed(boolean enabled, Class<?> type) {
    JakartaSecurityExtension extension = new JakartaSecurityExtension();
    extension.enabled = enabled;
    AtomicBoolean vetoed = new AtomicBoolean();
    AnnotatedType<?> annotated =
        proxy(AnnotatedType.class, (name, args) -> name.equals("getJavaClass") ? type : null);
    extension.vetoUnlessEnabled(
        proxy(
            ProcessAnnotatedType.class,
            (name, args) ->
                switch (name) {
                  case "getAnnotatedType" -> annotated;
                  case "veto" -> {
                    vetoed.set(true);
                    yield null;
                  }
                  default -> SessionFilterTest.unsupported(name);
                }));
    return vetoed.get();
  }

  @Test
  void theMechanismIsVetoedUnlessEnabled() {
    assertTrue(vetoed(false, SessionAuthenticationMechanism.class));
    assertFalse(vetoed(true, SessionAuthenticationMechanism.class));
  }

  @Test
  void noOtherTypeIsEverVetoed() {
    assertFalse(vetoed(false, SessionVerifier.class));
  }
}
