package dev.baton.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the browser tests of {@code src/main/frontend/browser-tests} ({@code npm test}: the
 * unmodified supertokens-website SDK in Debian's Chromium) against the integration-test server.
 * They spend most of their time waiting for five-second access tokens to expire, so they run here,
 * in a JVM of their own beside the other integration tests, instead of in a build step of their
 * own. Node runs their files at once, each in its own Chromium (one file's tests run in turn), and
 * then the two-tab tests alone (package.json). Node's report is kept in {@code
 * target/browser-tests.log} and printed here. Failsafe runs the classes in reverse alphabetical
 * order, so this one starts last, when the server classes have finished booting: under the full
 * load of those boots, the SDK's cross-tab lock let two tabs refresh with one token at once
 * (README, How refresh and theft detection work).
 */
@ExtendWith(OwnItServer.class)
class BrowserTestsIT {

  private static final Path FRONTEND = Path.of("src", "main", "frontend");
  private static final Path LOG = Path.of("target", "browser-tests.log");

  /** Node's closing summary of a run, in TAP: {@code # pass 12} and {@code # fail 0}. */
  private static final Pattern COUNT = Pattern.compile("^# (pass|fail) (\\d+)$", Pattern.MULTILINE);

  @Test
  void theSdkDrivesBatonInChromiumAndEveryBrowserTestPasses() throws Exception {
    ProcessBuilder npm =
        new ProcessBuilder("npm", "test")
            .directory(FRONTEND.toFile())
            .redirectErrorStream(true)
            .redirectOutput(LOG.toFile());
    npm.environment().put("BATON_URL", Browserless.LIBERTY.toString());
    Process tests = npm.start();
    boolean finished = tests.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      tests.descendants().forEach(ProcessHandle::destroyForcibly);
      tests.destroyForcibly();
    }
    String report = Files.readString(LOG);
    System.out.println(report);
    assertTrue(finished, "the browser tests did not finish within 10 minutes; see " + LOG);

    // Two runs of Node (package.json), each with its summary.
    int passed = 0;
    int failed = 0;
    int summaries = 0;
    Matcher count = COUNT.matcher(report);
    while (count.find()) {
      int n = Integer.parseInt(count.group(2));
      if (count.group(1).equals("pass")) {
        passed += n;
        summaries++;
      } else {
        failed += n;
      }
    }
    assertEquals(2, summaries, "both runs of Node report; see " + LOG);
    assertEquals(0, failed, "failed browser tests; see " + LOG);
    assertTrue(passed > 0, "no browser test passed; see " + LOG);
    assertEquals(0, tests.exitValue(), "npm test failed; see " + LOG);
  }
}
