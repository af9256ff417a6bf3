package dev.baton.jaxrs;

import dev.baton.api.CurrentSession;
import dev.baton.api.SessionService;
import dev.baton.api.VerifiedSession;
import dev.baton.api.exception.UnauthorisedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The {@link CurrentSession} of a request, filled in by {@link SessionFilter}. */
@RequestScoped
class RequestSession implements CurrentSession {

  @Inject SessionService sessions;
  @Inject RequestTokenTransport transport;

  private VerifiedSession session;
  private String accessToken;
  private TokenMode mode;

  /**
   * The request's verified session.
   *
   * @param verified the session
   * @param token the access token it was verified from
   * @param arrivedAs how the token came, and so how a new one goes back
   */
  void set(VerifiedSession verified, String token, TokenMode arrivedAs) {
    this.session = verified;
    this.accessToken = token;
    this.mode = arrivedAs;
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

  @Override
  public VerifiedSession recordAuthentication() {
    require();
    VerifiedSession fresh = sessions.recordAuthentication(accessToken);
    fresh.newAccessToken().ifPresent(token -> transport.deliverAccessToken(fresh, token, mode));
    session = fresh;
    return fresh;
  }
}
