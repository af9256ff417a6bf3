package dev.baton.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Waits until the integration-test server that the build started in the background has started, and
 * makes sure it is the one answering: when its port was taken (by a server a failed earlier build
 * left running), Liberty starts anyway without it, and the tests would silently talk to the old
 * server and its old code.
 */
final class OwnItServer implements BeforeAllCallback {

  /** The build's integration-test server's log, new for each start (the build removes the old). */
  static final Path LOG =
      Path.of(
          System.getProperty(
              "liberty.log", "target/liberty/wlp/usr/servers/defaultServer/logs/messages.log"));

  /** Liberty's message for a server that has started, with its applications. */
  private static final String STARTED = "CWWKF0011I";

  /** Liberty's message for an HTTP port it could not bind. */
  private static final String PORT_TAKEN = "CWWKO0221E";

  /** How long a start may take on a machine busy with the other integration tests. */
  private static final Duration START = Duration.ofMinutes(3);

  /** Set once this JVM has seen the server start, so that later classes do not read the log. */
  private static volatile boolean started;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (started) {
      return;
    }
    String log = waitForStart();
    if (log.contains(PORT_TAKEN)) {
      throw new IllegalStateException(
          "The integration-test server could not bind its port ("
              + PORT_TAKEN
              + " in "
              + LOG
              + "): another server answers there, most likely one a failed build left running."
              + " Stop it (look for a java process with ws-javaagent) and run the build again.");
    }
    started = true;
  }

  /** The log once it reports the start. */
  private static String waitForStart() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START);
    while (Instant.now().isBefore(deadline)) {
      try {
        // Not readString: the server may be writing a character's bytes at the end right now.
        String log = new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8);
        if (log.contains(STARTED)) {
          return log;
        }
      } catch (NoSuchFileException notYet) {
        // the server has not written its first line
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "The integration-test server did not start within " + START + "; see " + LOG);
  }
}
