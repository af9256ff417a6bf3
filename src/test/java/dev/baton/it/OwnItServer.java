package dev.baton.it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes sure the integration-test server that the build started is the one answering: when its port
 * was taken (by a server a failed earlier build left running), Liberty starts anyway without it,
 * and the tests would silently talk to the old server and its old code.
 */
final class OwnItServer implements BeforeAllCallback {

  /** The build's integration-test server's log. */
  static final Path LOG =
      Path.of(
          System.getProperty(
              "liberty.log", "target/liberty/wlp/usr/servers/defaultServer/logs/messages.log"));

  /** Liberty's message for an HTTP port it could not bind. */
  private static final String PORT_TAKEN = "CWWKO0221E";

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (Files.readAllLines(LOG).stream().anyMatch(line -> line.contains(PORT_TAKEN))) {
      throw new IllegalStateException(
          "The integration-test server could not bind its port ("
              + PORT_TAKEN
              + " in "
              + LOG
              + "): another server answers there, most likely one a failed build left running."
              + " Stop it (look for a java process with ws-javaagent) and run the build again.");
    }
  }
}
