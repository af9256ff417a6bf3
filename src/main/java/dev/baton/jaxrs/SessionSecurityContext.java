package dev.baton.jaxrs;

import dev.baton.api.VerifiedSession;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** A {@link SecurityContext} whose principal is the session's user. Roles are the application's. */
final class SessionSecurityContext implements SecurityContext {

  private final VerifiedSession session;
  private final boolean secure;

  SessionSecurityContext(VerifiedSession session, boolean secure) {
    this.session = session;
    this.secure = secure;
  }

  @Override
  public Principal getUserPrincipal() {
    return session::userId;
  }

  @Override
  public boolean isUserInRole(String role) {
    return false;
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return "BATON";
  }
}
