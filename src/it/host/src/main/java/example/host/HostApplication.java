package example.host;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The host's JAX-RS application: scanning finds the host's classes and Baton's. */
@ApplicationPath("/api")
@DeclareRoles({"admin", "user"})
@OpenAPIDefinition(info = @Info(title = "Host application", version = "1"))
public class HostApplication extends Application {}
