package dev.baton.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * Serves the demo page and the bundled SDK. The JAX-RS application is mapped at the root, which
 * shadows the WAR's static files, so the two files come from the class path instead.
 */
@Path("/")
@ApplicationScoped
public class DemoPageResource {

  /**
   * The demo page.
   *
   * @return index.html
   */
  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
  public InputStream root() {
    return resource("index.html");
  }

  /**
   * The demo page.
   *
   * @return index.html
   */
  @GET
  @Path("index.html")
  @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
  public InputStream index() {
    return resource("index.html");
  }

  private static InputStream resource(String name) {
    InputStream content = DemoPageResource.class.getResourceAsStream(name);
    if (content == null) {
      throw new NotFoundException();
    }
    return content;
  }
}
