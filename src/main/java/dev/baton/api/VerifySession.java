package dev.baton.api;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Requires a verified session on a JAX-RS resource class or method. The access token comes from
 * {@code Authorization: Bearer} or else the {@code sAccessToken} cookie; the session is then
 * available through {@link CurrentSession} and {@code SecurityContext.getUserPrincipal()}.
 *
 * <p>Without a valid session the request is answered 401 before the resource runs. Baton honours
 * the annotation wherever it may sit, so that a protected endpoint never runs unprotected: on the
 * method or on a method it overrides or implements (an interface or a superclass), on the class, a
 * superclass or an interface, and for a sub-resource on the locator that returns it or on an
 * enclosing resource class. The most specific one wins: a method's overrides its class's.
 */
@Documented
@Retention(RUNTIME)
@Inherited
@Target({TYPE, METHOD})
public @interface VerifySession {

  /**
   * Whether a request without any access token is refused. When false such a request reaches the
   * resource anonymously; a token that is present but invalid is still refused.
   *
   * @return true to require a session
   */
  boolean sessionRequired() default true;

  /**
   * Whether state-changing requests (not GET, HEAD or OPTIONS) authenticated by cookie must pass
   * the anti-CSRF check of {@code session.anti-csrf}. Bearer requests never need it.
   *
   * @return true to check
   */
  boolean antiCsrfCheck() default true;

  /**
   * The longest time since the user last authenticated (signed in, or re-authenticated as recorded
   * with {@link SessionService#recordAuthentication}), as an ISO-8601 duration such as {@code
   * PT5M}; empty, the default, for no limit. An older session is refused with SuperTokens' 403
   * {@code {"message":"invalid claim","claimValidationErrors":[{"id":"baton-auth-time",...}]}},
   * which the frontend SDK hands to the application so that it can ask the user to authenticate
   * again (OWASP ASVS 7.5.1). A value that is not a positive duration refuses every request the
   * same way, and says so in the log: a check that cannot be read fails closed.
   *
   * @return the maximum age, or empty
   */
  String maxAuthAge() default "";

  /**
   * The ids of {@link SessionClaimValidator}s this endpoint applies beyond the global ones. An id
   * that no validator has refuses every request with the invalid-claim 403, and says so in the log:
   * a check that cannot be found fails closed.
   *
   * @return validator ids
   */
  String[] claims() default {};

  /**
   * The ids of global {@link SessionClaimValidator}s this endpoint does not apply, for example the
   * page where the user verifies the e-mail that a global validator requires; {@code "*"} skips
   * every global one.
   *
   * @return validator ids, or {@code "*"}
   */
  String[] skipClaims() default {};
}
