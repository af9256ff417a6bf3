package dev.baton.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro process serving one WAR at {@code /} on PostgreSQL, with the data source defined
 * by a post-boot command file the way a Payara user would, and the JVM option Hibernate needs.
 */
final class PayaraMicro implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final URI base;

  private PayaraMicro(Process process, Path log, URI base) {
    this.process = process;
    this.log = log;
    this.base = base;
  }

  /**
   * Starts Payara Micro and waits until its readiness check is UP.
   *
   * @param war the application
   * @param port its HTTP port
   * @param databasePort where PostgreSQL (or a proxy in front of it) listens
   * @param database the database's name
   * @param environment extra environment variables (MicroProfile Config reads them)
   */
  static PayaraMicro start(
      Path war, int port, int databasePort, String database, Map<String, String> environment)
      throws Exception {
    Path work = Path.of("target", "payara").toAbsolutePath();
    String name = war.getFileName().toString().replace(".war", "");
    Path postBoot = work.resolve(name + "-post-boot.asadmin");
    // Payara insists on a password, which trust authentication ignores.
    Files.writeString(
        postBoot,
        String.join(
            "\n",
            "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource"
                + " --restype javax.sql.DataSource --property 'serverName=127.0.0.1:portNumber="
                + databasePort
                + ":databaseName="
                + database
                + ":user=postgres:password=trust-auth:connectTimeout=2:socketTimeout=5' baton-pool",
            "create-jdbc-resource --connectionpoolid baton-pool jdbc/baton",
            ""));
    Path log = work.resolve(name + "-payara.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ServerJvm.OPTIONS);
    command.addAll(
        List.of(
            // Hibernate finds no JTA platform on Payara by itself.
            "-Dhibernate.transaction.jta.platform="
                + "org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform",
            "-jar",
            System.getProperty("payara.jar", "target/payara/payara-micro.jar"),
            "--addlibs",
            work.resolve("postgresql.jar").toString(),
            "--deploy",
            war.toAbsolutePath().toString(),
            "--contextroot",
            "/",
            "--port",
            String.valueOf(port),
            "--nocluster",
            "--postbootcommandfile",
            postBoot.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(work.toFile());
    builder.environment().putAll(environment);
    PayaraMicro payara =
        new PayaraMicro(builder.start(), log, URI.create("http://localhost:" + port));
    try {
      payara.waitUntilReady();
    } catch (Exception e) {
      payara.close();
      throw e;
    }
    return payara;
  }

  URI base() {
    return base;
  }

  Path log() {
    return log;
  }

  private void waitUntilReady() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited; see " + log);
      }
      try {
        if (new Browserless(base).get("/health/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("Payara Micro did not become ready; see " + log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
