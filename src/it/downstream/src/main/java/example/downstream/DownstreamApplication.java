package example.downstream;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** Authenticates every call with the MicroProfile JWT it carries; no Baton code at all. */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"admin", "user"})
public class DownstreamApplication extends Application {}
