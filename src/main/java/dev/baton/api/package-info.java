/**
 * The public contract of Baton: the package an application imports.
 *
 * <p>{@link dev.baton.api.SessionService} creates, verifies, refreshes and revokes sessions; the
 * records here are its values and the CDI events it fires. For JAX-RS, {@link
 * dev.baton.api.VerifySession} protects a resource, {@link dev.baton.api.CurrentSession} hands it
 * the session and {@link dev.baton.api.SessionDelivery} sends new tokens to the client. Everything
 * outside {@code dev.baton.api} is an implementation detail and may change between releases.
 */
package dev.baton.api;
