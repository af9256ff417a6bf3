package example.host;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

/** An EJB only admins may call; the container checks the caller that Baton's mechanism set. */
@Stateless
@RolesAllowed("admin")
public class AdminReport {

  @Resource SessionContext context;

  /** Who the EJB container says is calling. */
  public String caller() {
    return context.getCallerPrincipal().getName();
  }
}
