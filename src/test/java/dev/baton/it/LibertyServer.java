package dev.baton.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An extra Open Liberty server for a test, made from the runtime the build installed, the way a
 * user sets one up: a server.xml from {@code liberty/}, one WAR in {@code apps/}, the PostgreSQL
 * driver in {@code jdbc/postgresql/}, and everything else in {@code server.env}, which also carries
 * the JVM options of {@link ServerJvm}.
 */
final class LibertyServer {

  static final Path WLP = Path.of("target", "liberty", "wlp").toAbsolutePath();

  private final String name;

  private LibertyServer(String name) {
    this.name = name;
  }

  /**
   * Creates the server, or refreshes the files of one left by an earlier run.
   *
   * @param name the server's name
   * @param serverXml the configuration to copy in
   * @param war the application, copied to {@code apps/} under its own file name
   * @param environment the lines of {@code server.env}
   */
  static LibertyServer create(String name, Path serverXml, Path war, List<String> environment)
      throws Exception {
    LibertyServer server = new LibertyServer(name);
    Path dir = server.directory();
    if (!Files.exists(dir)) {
      server.launch("create").waitFor();
    }
    Files.copy(serverXml, dir.resolve("server.xml"), StandardCopyOption.REPLACE_EXISTING);
    Files.createDirectories(dir.resolve("apps"));
    Files.copy(
        war, dir.resolve("apps").resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    Path drivers = dir.resolve("jdbc/postgresql");
    Files.createDirectories(drivers);
    try (Stream<Path> jars = Files.list(WLP.resolve("usr/servers/defaultServer/jdbc/postgresql"))) {
      for (Path jar : jars.toList()) {
        Files.copy(jar, drivers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    List<String> lines = new ArrayList<>(environment);
    lines.add(ServerJvm.libertyEnvironmentLine());
    Files.writeString(dir.resolve("server.env"), String.join("\n", lines) + "\n");
    return server;
  }

  Path directory() {
    return WLP.resolve("usr/servers/" + name);
  }

  /** Runs {@code bin/server <action> <name>}; {@code start} returns once the server runs. */
  Process launch(String action) throws IOException {
    return new ProcessBuilder(WLP.resolve("bin/server").toString(), action, name)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** Stops the server and waits for it. */
  void stop() throws Exception {
    launch("stop").waitFor();
  }

  /** Waits until {@code /health/ready} answers 200. */
  static void waitUntilReady(URI server, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (new Browserless(server).get("/health/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(server + " did not become ready within " + within);
  }
}
