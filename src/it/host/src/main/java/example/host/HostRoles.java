package example.host;

import dev.baton.api.SessionRoles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** The host's roles, asked by Baton at every login and refresh: users named admin* are admins. */
@ApplicationScoped
public class HostRoles implements SessionRoles {

  @Override
  public Set<String> rolesOf(String userId) {
    return userId.startsWith("admin") ? Set.of("admin", "user") : Set.of("user");
  }
}
