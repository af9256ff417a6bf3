package example.host;

/** Who the host thinks is calling. */
public class Whoami {
  public String user;
  public String endpoint;

  static Whoami of(jakarta.ws.rs.core.SecurityContext security, String endpoint) {
    Whoami whoami = new Whoami();
    whoami.user =
        security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    whoami.endpoint = endpoint;
    return whoami;
  }
}
