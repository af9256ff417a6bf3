package dev.baton.demo;

import dev.baton.jaxrs.BatonJaxrs;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The WAR's JAX-RS application: Baton's endpoints, plus the demo resources when enabled. */
@ApplicationPath("/")
public class DemoApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(BatonJaxrs.classes());
    classes.addAll(BatonJaxrs.jsonErrorMappers());
    Config config = ConfigProvider.getConfig();
    if (DemoGuard.enabled(config) && DemoGuard.allowsDemo(config)) {
      classes.add(DemoResource.class);
      classes.add(DemoPageResource.class);
    }
    return classes;
  }
}
