package dev.baton.it;

import java.util.List;

/**
 * The JVM options of every server the integration tests start. A server under test lives for a
 * minute or two and serves a few hundred requests, so the optimising compiler never pays back the
 * CPU it spends, and on this machine's two cores its threads slow down the tests that run beside
 * it. With the client compiler alone and the serial collector, an Open Liberty server is ready
 * after about half the CPU time (19 instead of 37 CPU-seconds, measured on the demo server).
 */
final class ServerJvm {

  /** The options, one per element. */
  static final List<String> OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC");

  private ServerJvm() {}

  /** The options as Liberty's {@code JVM_ARGS} line of {@code server.env}. */
  static String libertyEnvironmentLine() {
    return "JVM_ARGS=" + String.join(" ", OPTIONS);
  }
}
