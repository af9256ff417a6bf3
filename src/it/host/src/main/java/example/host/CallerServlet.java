package example.host;

import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/** A plain servlet, public, that reports who the servlet container and CDI think is calling. */
@WebServlet("/caller")
@DeclareRoles({"admin", "user"})
public class CallerServlet extends HttpServlet {

  @Inject SecurityContext security;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Principal principal = request.getUserPrincipal();
    Principal caller = security.getCallerPrincipal();
    response.setContentType("application/json");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("user", principal == null ? "anonymous" : principal.getName())
                .add("admin", request.isUserInRole("admin"))
                .add("cdiCaller", caller == null ? "anonymous" : caller.getName())
                .add("cdiAdmin", security.isCallerInRole("admin"))
                .build()
                .toString());
  }
}
