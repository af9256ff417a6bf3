package dev.baton.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.VerifySession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where {@code @VerifySession} may sit, and which one wins: every place fails closed. */
class ProtectedMethodsTest {

  static class Unannotated {
    @GET
    public String get() {
      return "";
    }
  }

  static class OnMethod {
    @GET
    @VerifySession(antiCsrfCheck = false)
    public String get() {
      return "";
    }
  }

  @VerifySession(sessionRequired = false)
  static class OnClassAndMethod {
    @GET
    @VerifySession(antiCsrfCheck = false)
    public String get() {
      return "";
    }

    @GET
    public String other() {
      return "";
    }
  }

  @VerifySession
  abstract static class SecuredBase {}

  static class ExtendsSecured extends SecuredBase {
    @GET
    public String get() {
      return "";
    }
  }

  abstract static class BaseWithMethod {
    @GET
    @VerifySession(sessionRequired = false)
    public abstract String get();
  }

  static class OverridesAnnotatedMethod extends BaseWithMethod {
    @Override
    public String get() {
      return "";
    }
  }

  interface SecuredApi {
    @GET
    @VerifySession
    String get();
  }

  static class ImplementsSecuredApi implements SecuredApi {
    @Override
    public String get() {
      return "";
    }
  }

  interface PlainApi {
    @GET
    String get();
  }

  static class AnnotatesImplementation implements PlainApi {
    @Override
    @VerifySession(antiCsrfCheck = false)
    public String get() {
      return "";
    }
  }

  @VerifySession
  interface SecuredType {}

  static class ImplementsSecuredType implements SecuredType {
    @GET
    public String get() {
      return "";
    }
  }

  static class Locators {
    @Path("guarded")
    @VerifySession(antiCsrfCheck = false)
    public Unannotated guarded() {
      return new Unannotated();
    }

    @Path("open")
    public OnMethod open() {
      return new OnMethod();
    }
  }

  @VerifySession(sessionRequired = false)
  static class EnclosingSecured {
    @Path("inner")
    public Unannotated inner() {
      return new Unannotated();
    }
  }

  private static Method get(Class<?> type) throws NoSuchMethodException {
    return type.getMethod("get");
  }

  private static Optional<VerifySession> root(Class<?> type, Method method) {
    return ProtectedMethods.of(type, method, () -> List.of());
  }

  @Test
  void anUnannotatedMethodIsPublic() throws Exception {
    assertFalse(root(Unannotated.class, get(Unannotated.class)).isPresent());
  }

  @Test
  void aMethodAnnotationWinsOverItsClass() throws Exception {
    VerifySession options = root(OnClassAndMethod.class, get(OnClassAndMethod.class)).orElseThrow();
    assertFalse(options.antiCsrfCheck());
    assertTrue(options.sessionRequired());
    VerifySession classLevel =
        root(OnClassAndMethod.class, OnClassAndMethod.class.getMethod("other")).orElseThrow();
    assertFalse(classLevel.sessionRequired());
  }

  @Test
  void anAnnotationOnTheResourceMethodCounts() throws Exception {
    assertFalse(root(OnMethod.class, get(OnMethod.class)).orElseThrow().antiCsrfCheck());
  }

  @Test
  void aSuperclassAnnotationCounts() throws Exception {
    assertTrue(root(ExtendsSecured.class, get(ExtendsSecured.class)).isPresent());
  }

  @Test
  void anOverriddenAnnotatedMethodCounts() throws Exception {
    assertFalse(
        root(OverridesAnnotatedMethod.class, get(OverridesAnnotatedMethod.class))
            .orElseThrow()
            .sessionRequired());
  }

  @Test
  void anInterfaceMethodAnnotationCountsWhicheverMethodTheRuntimeReports() throws Exception {
    assertTrue(root(ImplementsSecuredApi.class, get(ImplementsSecuredApi.class)).isPresent());
    assertTrue(root(ImplementsSecuredApi.class, get(SecuredApi.class)).isPresent());
  }

  @Test
  void anImplementationAnnotationCountsWhicheverMethodTheRuntimeReports() throws Exception {
    assertFalse(
        root(AnnotatesImplementation.class, get(AnnotatesImplementation.class))
            .orElseThrow()
            .antiCsrfCheck());
    assertFalse(
        root(AnnotatesImplementation.class, get(PlainApi.class)).orElseThrow().antiCsrfCheck());
  }

  @Test
  void anAnnotatedInterfaceOfTheClassCounts() throws Exception {
    assertTrue(root(ImplementsSecuredType.class, get(ImplementsSecuredType.class)).isPresent());
  }

  @Test
  void aSubclassOfTheResourceSuchAsACdiProxyKeepsTheProtection() throws Exception {
    class Proxy extends OnMethod {}
    assertTrue(root(Proxy.class, get(OnMethod.class)).isPresent());
  }

  /** The answer for {@code type.get()} reached through the given enclosing resources. */
  private static Optional<VerifySession> under(Class<?> type, Object... enclosing)
      throws NoSuchMethodException {
    return ProtectedMethods.of(type, get(type), () -> List.of(enclosing));
  }

  @Test
  void anAnnotatedLocatorProtectsTheSubResourceItReturns() throws Exception {
    Optional<VerifySession> options = under(Unannotated.class, new Unannotated(), new Locators());
    assertFalse(options.orElseThrow().antiCsrfCheck());
  }

  @Test
  void aSubResourceOfAnUnannotatedLocatorKeepsItsOwnRules() throws Exception {
    assertTrue(under(OnMethod.class, new OnMethod(), new Locators()).isPresent());
    assertFalse(under(Unannotated.class, new Unannotated(), new Unannotated()).isPresent());
  }

  @Test
  void aProtectedEnclosingClassProtectsItsSubResources() throws Exception {
    Optional<VerifySession> options =
        under(Unannotated.class, new Unannotated(), new EnclosingSecured());
    assertEquals(false, options.orElseThrow().sessionRequired());
  }

  @Test
  void aMethodThatDecidesItselfNeverAsksForTheEnclosingResources() throws Exception {
    Optional<VerifySession> options =
        ProtectedMethods.of(
            OnMethod.class,
            get(OnMethod.class),
            () -> {
              throw new AssertionError("the matched resources were read on the fast path");
            });
    assertTrue(options.isPresent());
  }
}
