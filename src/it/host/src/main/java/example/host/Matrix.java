package example.host;

import dev.baton.api.VerifySession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Every place a host may put {@code @VerifySession}, one endpoint each under {@code /api/matrix}.
 * The classes are nested only to keep the matrix on one page.
 */
public final class Matrix {

  private Matrix() {}

  /** On the resource method. */
  @Path("matrix/method")
  public static class OnMethod {
    @GET
    @VerifySession
    @Produces(MediaType.APPLICATION_JSON)
    public Whoami get(@Context SecurityContext security) {
      return Whoami.of(security, "method");
    }
  }

  /** On the resource class. */
  @Path("matrix/class")
  @VerifySession
  public static class OnClass {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Whoami get(@Context SecurityContext security) {
      return Whoami.of(security, "class");
    }
  }

  /** A base class every secured resource of the host extends. */
  @VerifySession
  public abstract static class SecuredBase {}

  /** On a superclass. */
  @Path("matrix/superclass")
  public static class OnSuperclass extends SecuredBase {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Whoami get(@Context SecurityContext security) {
      return Whoami.of(security, "superclass");
    }
  }

  /** JAX-RS and Baton annotations on an interface method. */
  public interface SecuredApi {
    @GET
    @VerifySession
    @Produces(MediaType.APPLICATION_JSON)
    Whoami get(@Context SecurityContext security);
  }

  /** Implements the annotated interface method without repeating any annotation. */
  @Path("matrix/interface")
  public static class OnInterface implements SecuredApi {
    @Override
    public Whoami get(SecurityContext security) {
      return Whoami.of(security, "interface");
    }
  }

  /** JAX-RS annotations on an interface, without Baton's. */
  public interface PlainApi {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Whoami get(@Context SecurityContext security);
  }

  /** {@code @VerifySession} on the implementation of a JAX-RS interface method. */
  @Path("matrix/implementation")
  public static class OnImplementation implements PlainApi {
    @Override
    @VerifySession
    public Whoami get(SecurityContext security) {
      return Whoami.of(security, "implementation");
    }
  }

  /** A sub-resource without annotations of its own. */
  public static class Sub {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Whoami get(@Context SecurityContext security) {
      return Whoami.of(security, "sub");
    }
  }

  /** Another sub-resource type, handed out by an unprotected locator. */
  public static class OpenSub {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Whoami get(@Context SecurityContext security) {
      return Whoami.of(security, "open-sub");
    }
  }

  /** A sub-resource whose class carries the annotation. */
  @VerifySession
  public static class GuardedSub {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Whoami get(@Context SecurityContext security) {
      return Whoami.of(security, "guarded-sub");
    }
  }

  /** Sub-resource locators. */
  @Path("matrix/locator")
  public static class Locators {
    @Path("guarded")
    @VerifySession
    public Sub guarded() {
      return new Sub();
    }

    @Path("open")
    public OpenSub open() {
      return new OpenSub();
    }

    @Path("guarded-class")
    public GuardedSub guardedClass() {
      return new GuardedSub();
    }
  }

  /** A protected class whose sub-resource is protected with it. */
  @Path("matrix/enclosing")
  @VerifySession
  public static class Enclosing {
    @Path("inner")
    public OpenSub inner() {
      return new OpenSub();
    }
  }

  /** An optional session. */
  @Path("matrix/optional")
  public static class Optional {
    @GET
    @VerifySession(sessionRequired = false)
    @Produces(MediaType.APPLICATION_JSON)
    public Whoami get(@Context SecurityContext security) {
      return Whoami.of(security, "optional");
    }
  }

  /** State-changing calls with and without the anti-CSRF check. */
  @Path("matrix/post")
  public static class Posts {
    @POST
    @Path("checked")
    @VerifySession
    @Produces(MediaType.APPLICATION_JSON)
    public Whoami checked(@Context SecurityContext security) {
      return Whoami.of(security, "checked");
    }

    @POST
    @Path("unchecked")
    @VerifySession(antiCsrfCheck = false)
    @Produces(MediaType.APPLICATION_JSON)
    public Whoami unchecked(@Context SecurityContext security) {
      return Whoami.of(security, "unchecked");
    }
  }

  /** No annotation: public. */
  @Path("public")
  public static class Public {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Public")
    public Whoami get(@Context SecurityContext security) {
      return Whoami.of(security, "public");
    }
  }
}
