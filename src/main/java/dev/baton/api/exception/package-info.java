/**
 * The one exception hierarchy of Baton, rooted at {@link dev.baton.api.exception.SessionException}.
 *
 * <p>Messages never contain a token, a key or a claim value; they may contain a session handle and
 * a user id, which are available as fields.
 */
package dev.baton.api.exception;
