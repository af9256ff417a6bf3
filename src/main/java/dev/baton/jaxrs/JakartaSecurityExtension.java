package dev.baton.jaxrs;

import dev.baton.config.SessionConfigProducer;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps {@code SessionAuthenticationMechanism} out of service unless {@code
 * session.jakarta-security.enabled=true}. Jakarta Security uses every mechanism an application
 * holds, so one that Baton shipped always on would silently replace the host's own. Asked for where
 * the server has no Jakarta Security (Open Liberty without {@code appSecurity}), it stops the
 * deployment rather than leave the application's role checks to chance.
 */
public class JakartaSecurityExtension implements Extension {

  private static final String MECHANISM_API =
      "jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism";

  /** By name: a class literal would make the server load the class, which needs the API. */
  private static final String MECHANISM = "dev.baton.jaxrs.SessionAuthenticationMechanism";

  boolean enabled;

  void readSetting(@Observes BeforeBeanDiscovery discovery) {
    enabled = SessionConfigProducer.jakartaSecurityEnabled(ConfigProvider.getConfig());
  }

  /**
   * Vetoes the mechanism when it is not wanted. Where the server lacks the API, the container
   * cannot load the class and never offers it here: it logs that it skipped it, and no mechanism
   * exists.
   */
  void vetoUnlessEnabled(@Observes ProcessAnnotatedType<?> type) {
    if (!enabled && type.getAnnotatedType().getJavaClass().getName().equals(MECHANISM)) {
      type.veto();
    }
  }

  void failWithoutJakartaSecurity(@Observes AfterBeanDiscovery discovery) {
    if (!enabled) {
      return;
    }
    try {
      Class.forName(MECHANISM_API, false, JakartaSecurityExtension.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      discovery.addDefinitionError(
          new IllegalStateException(
              "session.jakarta-security.enabled=true, but this server offers no Jakarta Security"
                  + " (on Open Liberty, add the appSecurity-5.0 feature)"));
    }
  }
}
