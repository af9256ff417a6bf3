package dev.baton.jaxrs;

import dev.baton.api.CurrentSession;
import dev.baton.api.VerifiedSession;
import dev.baton.api.exception.UnauthorisedException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The {@link CurrentSession} of a request, filled in by {@link SessionFilter}. */
@RequestScoped
class RequestSession implements CurrentSession {

  private VerifiedSession session;

  void set(VerifiedSession verified) {
    this.session = verified;
  }

  @Override
  public Optional<VerifiedSession> get() {
    return Optional.ofNullable(session);
  }

  @Override
  public VerifiedSession require() {
    if (session == null) {
      throw new UnauthorisedException("no session", null, false);
    }
    return session;
  }
}
