package dev.baton.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Keeps the password-less demo login off real user data: it starts only on the embedded H2
 * database, unless {@code session.demo.allow-any-database=true} says otherwise. A database that
 * cannot be identified counts as not H2.
 */
final class DemoGuard {

  static final String ENABLED_KEY = "session.demo.enabled";
  static final String OVERRIDE_KEY = "session.demo.allow-any-database";
  private static final Logger LOG = Logger.getLogger(DemoGuard.class.getName());

  private DemoGuard() {}

  /**
   * Whether the demo is asked for at all: {@code session.demo.enabled}, default false.
   *
   * @param config the application's configuration
   * @return the setting
   */
  static boolean enabled(Config config) {
    return config.getOptionalValue(ENABLED_KEY, Boolean.class).orElse(false);
  }

  static boolean allowsDemo(Config config) {
    return allowsDemo(config, DemoGuard::databaseProduct);
  }

  /**
   * Decides.
   *
   * @param config where the override is read
   * @param databaseProduct names the database behind {@code jdbc/baton}
   * @return whether the demo resources may be served
   */
  static boolean allowsDemo(Config config, Supplier<String> databaseProduct) {
    if (config.getOptionalValue(OVERRIDE_KEY, Boolean.class).orElse(false)) {
      LOG.warning(
          () ->
              "The password-less demo login is on, on any database, because "
                  + OVERRIDE_KEY
                  + "=true: anyone can sign in as any user");
      return true;
    }
    String product = databaseProduct.get();
    if (product.toLowerCase(Locale.ROOT).equals("h2")) {
      return true;
    }
    LOG.severe(
        () ->
            "The demo login is NOT started: session.demo.enabled=true, but the database"
                + " is "
                + product
                + ", not the embedded H2, and a password-less login must never reach"
                + " real users. Use liberty/production/server.xml, or set "
                + OVERRIDE_KEY
                + "=true to start it anyway");
    return false;
  }

  // The demo's own data source name, never one a client supplies.
  @SuppressWarnings("BanJNDI")
  private static String databaseProduct() {
    try (Connection connection =
        InitialContext.<DataSource>doLookup("jdbc/baton").getConnection()) {
      return connection.getMetaData().getDatabaseProductName();
    } catch (NamingException | SQLException | RuntimeException e) {
      return "unknown (" + e.getClass().getSimpleName() + ")";
    }
  }
}
