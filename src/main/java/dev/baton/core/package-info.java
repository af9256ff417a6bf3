/**
 * The session engine: issuing and verifying tokens, the refresh-token rotation state machine,
 * signing keys, and the {@link dev.baton.api.SessionService} implementation. No JAX-RS here, and
 * database access goes through the repositories of {@code dev.baton.persistence}.
 */
package dev.baton.core;
