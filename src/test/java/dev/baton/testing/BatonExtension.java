package dev.baton.testing;

import dev.baton.api.SessionService;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the server of a {@link BatonTest} class once and resets it before each test, so that the
 * tests stay independent of each other and of their order. The server stops with the class.
 */
final class BatonExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BatonExtension.class);

  private static final Map<Class<?>, Function<TestBaton, Object>> PARAMETERS =
      Map.of(
          TestBaton.class, baton -> baton,
          SessionService.class, TestBaton::sessions,
          MutableClock.class, TestBaton::clock,
          RecordedEvents.class, TestBaton::events,
          TestDatabase.class, TestBaton::database);

  @Override
  public void beforeAll(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    BatonTest settings =
        AnnotationSupport.findAnnotation(testClass, BatonTest.class)
            .orElseThrow(() -> new IllegalStateException(testClass + " is not a @BatonTest"));
    context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            testClass,
            c -> {
              TestBaton baton = start(settings);
              return new Server(baton, StartState.capture(baton));
            },
            Server.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return PARAMETERS.containsKey(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return PARAMETERS.get(parameter.getParameter().getType()).apply(server(context).baton());
  }

  private static TestBaton start(BatonTest settings) {
    TestBaton.Builder builder = TestBaton.builder().beans(settings.beans());
    for (String entry : settings.config()) {
      int equals = entry.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("@BatonTest config wants key=value, not " + entry);
      }
      builder.config(entry.substring(0, equals), entry.substring(equals + 1));
    }
    return builder.start();
  }

  private static Server server(ExtensionContext context) {
    // A method's store falls back to its class's, where beforeAll put the server.
    return context.getStore(NAMESPACE).get(context.getRequiredTestClass(), Server.class);
  }

  /** Closes the server when JUnit closes the class's store. */
  private record Server(TestBaton baton, StartState start) implements AutoCloseable {

    void reset() {
      start.restore();
    }

    @Override
    public void close() {
      baton.close();
    }
  }
}
