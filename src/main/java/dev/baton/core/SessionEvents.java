package dev.baton.core;

import dev.baton.api.SessionCreated;
import dev.baton.api.SessionRefreshed;
import dev.baton.api.SessionRevoked;
import dev.baton.api.TokenTheftDetected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires Baton's CDI events after the transaction that caused them has committed. An observer that
 * throws is logged and ignored: the change is already stored, and failing the request would only
 * leave the client without the tokens it now needs.
 */
@ApplicationScoped
class SessionEvents {

  private static final Logger LOG = Logger.getLogger(SessionEvents.class.getName());

  @Inject Event<SessionCreated> created;
  @Inject Event<SessionRefreshed> refreshed;
  @Inject Event<SessionRevoked> revoked;
  @Inject Event<TokenTheftDetected> theft;

  void created(String handle, String userId) {
    fire(created, new SessionCreated(handle, userId));
  }

  void refreshed(String handle, String userId) {
    fire(refreshed, new SessionRefreshed(handle, userId));
  }

  void revoked(String handle, String userId, SessionRevoked.Reason reason) {
    fire(revoked, new SessionRevoked(handle, userId, reason));
  }

  void theft(String handle, String userId) {
    // The HTTP layer logs the structured warning with the client's address; this is the trace.
    LOG.fine(
        () ->
            "Refresh token theft detected: session "
                + handle
                + " of user "
                + LogValues.escape(userId)
                + " revoked");
    fire(theft, new TokenTheftDetected(handle, userId));
    revoked(handle, userId, SessionRevoked.Reason.TOKEN_THEFT);
  }

  private static <T> void fire(Event<T> event, T payload) {
    try {
      event.fire(payload);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "An observer of " + payload.getClass().getSimpleName() + " failed", e);
    }
  }
}
