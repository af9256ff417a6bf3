package dev.baton.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.LogCapture;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.logging.Level;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** The password-less demo login starts on the embedded H2 only, unless explicitly overridden. */
class DemoGuardTest {

  private static Config config(Map<String, String> values) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(values, "test", 1000))
        .build();
  }

  @Test
  void theDemoStartsOnH2() {
    assertTrue(DemoGuard.allowsDemo(config(Map.of()), () -> "H2"));
  }

  @Test
  void theDemoRefusesAnotherDatabaseAndSaysWhy() {
    try (LogCapture log = LogCapture.of("dev.baton.demo")) {
      assertFalse(DemoGuard.allowsDemo(config(Map.of()), () -> "PostgreSQL"));
      assertTrue(
          log.records().stream()
              .anyMatch(
                  r ->
                      r.getLevel() == Level.SEVERE
                          && r.getMessage().contains("PostgreSQL")
                          && r.getMessage().contains(DemoGuard.OVERRIDE_KEY)),
          log.messages().toString());
    }
  }

  @Test
  void aDatabaseThatCannotBeIdentifiedCountsAsNotH2() {
    assertFalse(DemoGuard.allowsDemo(config(Map.of()), () -> "unknown (NamingException)"));
  }

  @Test
  void theExplicitOverrideStartsItAnywhereWithAWarning() {
    try (LogCapture log = LogCapture.of("dev.baton.demo")) {
      assertTrue(
          DemoGuard.allowsDemo(config(Map.of(DemoGuard.OVERRIDE_KEY, "true")), () -> "MariaDB"));
      assertTrue(log.records().stream().anyMatch(r -> r.getLevel() == Level.WARNING));
    }
  }
}
