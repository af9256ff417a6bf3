package dev.baton.jaxrs;

import dev.baton.api.VerifiedSession;
import dev.baton.core.RoleClaim;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/**
 * A {@link SecurityContext} whose principal is the session's user and whose roles are those of the
 * session's roles claim ({@code session.roles-claim}).
 */
final class SessionSecurityContext implements SecurityContext {

  private final VerifiedSession session;
  private final boolean secure;
  private final String rolesClaim;
  private Set<String> roles;

  SessionSecurityContext(VerifiedSession session, boolean secure, String rolesClaim) {
    this.session = session;
    this.secure = secure;
    this.rolesClaim = rolesClaim;
  }

  @Override
  public Principal getUserPrincipal() {
    return session::userId;
  }

  @Override
  public boolean isUserInRole(String role) {
    // Read on first use: most protected requests never ask (one request, one thread).
    if (roles == null) {
      roles = RoleClaim.rolesIn(session.accessTokenPayload(), rolesClaim);
    }
    return roles.contains(role);
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
