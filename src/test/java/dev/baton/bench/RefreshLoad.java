package dev.baton.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop load generator for the refresh endpoint. Each client signs in once (header mode)
 * and then refreshes as fast as it can, always with the newest refresh token, the way a real client
 * does; every refresh is a real rotation with a database write. Clients may spread over several
 * servers that share one database.
 *
 * <p>{@code java -cp target/test-classes dev.baton.bench.RefreshLoad <seconds> <clients> <url>...}
 * prints requests per second and latency percentiles. The run stops by itself. With {@code
 * -Dbench.operation=login} each call is a login instead, for the cost of a login in the same units.
 *
 * <p>With {@code -Dbench.keycloak=<realm>} the clients drive a Keycloak server the same way instead
 * (bench/keycloak-compare.sh): client {@code i} signs in as user {@code load-i} with the password
 * grant of the public client {@code bench}, then refreshes with the refresh-token grant, always
 * with the newest refresh token.
 */
public final class RefreshLoad {

  /** With {@code -Dbench.operation=login}, every call is a new login instead of a refresh. */
  private static final boolean LOGINS = "login".equals(System.getProperty("bench.operation"));

  /**
   * With {@code -Dbench.interval=<seconds>}, the rate of each interval is printed as the run goes:
   * the curve of a server that has just started (bench/warm-start.sh).
   */
  private static final int INTERVAL = Integer.getInteger("bench.interval", 0);

  /** Successful calls of all clients so far, for the interval rates. */
  private static final LongAdder COMPLETED = new LongAdder();

  /** With {@code -Dbench.keycloak=<realm>}, the servers are Keycloak's and this is the realm. */
  private static final String KEYCLOAK_REALM = System.getProperty("bench.keycloak");

  /** The refresh token in a Keycloak token response. */
  private static final Pattern KEYCLOAK_REFRESH_TOKEN =
      Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");

  private RefreshLoad() {}

  public static void main(String[] args) throws Exception {
    int seconds = Integer.parseInt(args[0]);
    int clients = Integer.parseInt(args[1]);
    List<URI> servers = Arrays.stream(args, 2, args.length).map(URI::create).toList();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<long[]>> results = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      int client = i;
      results.add(pool.submit(() -> run(http, servers, client, running)));
    }
    if (INTERVAL > 0) {
      printIntervals(seconds);
    } else {
      Thread.sleep(seconds * 1000L);
    }
    running.set(false);
    List<Long> latencies = new ArrayList<>();
    long failures = 0;
    for (Future<long[]> result : results) {
      long[] values = result.get();
      failures += values[0];
      for (int i = 1; i < values.length; i++) {
        latencies.add(values[i]);
      }
    }
    pool.shutdown();
    latencies.sort(null);
    System.out.printf(
        "%s: %d in %d s = %.0f/s, failures: %d%n",
        LOGINS ? "logins" : "refreshes",
        latencies.size(),
        seconds,
        latencies.size() / (double) seconds,
        failures);
    System.out.printf(
        "latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n",
        percentile(latencies, 50),
        percentile(latencies, 90),
        percentile(latencies, 99),
        percentile(latencies, 100));
  }

  /** Sleeps for the run, printing each interval's rate and the seconds since the run began. */
  private static void printIntervals(int seconds) throws InterruptedException {
    long start = System.nanoTime();
    long before = COMPLETED.sum();
    for (int end = INTERVAL; end <= seconds; end += INTERVAL) {
      long wake = start + end * 1_000_000_000L;
      Thread.sleep(Math.max(0, (wake - System.nanoTime()) / 1_000_000));
      long now = COMPLETED.sum();
      System.out.printf("interval %d s: %.0f/s%n", end, (now - before) / (double) INTERVAL);
      before = now;
    }
    // The rest of a run that is not a whole number of intervals.
    Thread.sleep(Math.max(0, (start + seconds * 1_000_000_000L - System.nanoTime()) / 1_000_000));
  }

  /** Returns failures first, then each successful refresh's latency in microseconds. */
  private static long[] run(HttpClient http, List<URI> servers, int client, AtomicBoolean running)
      throws Exception {
    Random random = new Random(client);
    HttpResponse<String> login = login(http, servers.get(client % servers.size()), client);
    if (login.statusCode() != 200) {
      throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.body());
    }
    String refreshToken = refreshToken(login);
    List<Long> latencies = new ArrayList<>();
    long failures = 0;
    while (running.get()) {
      URI server = servers.get(random.nextInt(servers.size()));
      long start = System.nanoTime();
      HttpResponse<String> response =
          LOGINS ? login(http, server, client) : refresh(http, server, refreshToken);
      if (response.statusCode() == 200) {
        latencies.add((System.nanoTime() - start) / 1000);
        COMPLETED.increment();
        refreshToken = refreshToken(response);
      } else {
        failures++;
      }
    }
    long[] out = new long[latencies.size() + 1];
    out[0] = failures;
    for (int i = 0; i < latencies.size(); i++) {
      out[i + 1] = latencies.get(i);
    }
    return out;
  }

  private static HttpResponse<String> refresh(HttpClient http, URI server, String refreshToken)
      throws Exception {
    if (KEYCLOAK_REALM != null) {
      return keycloakToken(
          http, server, "grant_type=refresh_token&client_id=bench&refresh_token=" + refreshToken);
    }
    return http.send(
        HttpRequest.newBuilder(server.resolve("/auth/session/refresh"))
            .header("Authorization", "Bearer " + refreshToken)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String refreshToken(HttpResponse<String> response) {
    if (KEYCLOAK_REALM == null) {
      return response.headers().firstValue("st-refresh-token").orElseThrow();
    }
    Matcher token = KEYCLOAK_REFRESH_TOKEN.matcher(response.body());
    if (!token.find()) {
      throw new IllegalStateException("no refresh_token in Keycloak's answer");
    }
    return token.group(1);
  }

  private static HttpResponse<String> keycloakToken(HttpClient http, URI server, String form)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                server.resolve("/realms/" + KEYCLOAK_REALM + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> login(HttpClient http, URI server, int client)
      throws Exception {
    if (KEYCLOAK_REALM != null) {
      return keycloakToken(
          http,
          server,
          "grant_type=password&client_id=bench&username=load-" + client + "&password=bench");
    }
    return http.send(
        HttpRequest.newBuilder(server.resolve("/demo/login"))
            .header("Content-Type", "application/json")
            .header("st-auth-mode", "header")
            .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"load-" + client + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static double percentile(List<Long> sorted, int percentile) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1000.0;
  }
}
