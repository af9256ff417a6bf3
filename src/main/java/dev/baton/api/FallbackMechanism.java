package dev.baton.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the application's own Jakarta Security {@code HttpAuthenticationMechanism} that Baton's
 * mechanism ({@code session.jakarta-security.enabled=true}) hands every request carrying no Baton
 * access token, for example HTTP Basic for machine clients beside browser sessions.
 *
 * <p>The qualifier takes the application's mechanism out of the container's choice, which would
 * otherwise find two mechanisms and refuse to deploy (Jakarta Security 3.0 knows no order between
 * them). Use it only with Baton's mechanism on: without it, a mechanism marked so is never called.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface FallbackMechanism {}
