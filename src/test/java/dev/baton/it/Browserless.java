package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * An HTTP client that keeps cookies like a browser, for tests against the running server at {@code
 * baton.url}.
 */
final class Browserless {

  static final URI LIBERTY = URI.create(System.getProperty("baton.url", "http://localhost:9180"));

  private final URI base;
  final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;

  /** A client of the Liberty integration-test server. */
  Browserless() {
    this(LIBERTY);
  }

  /** A client of another server. */
  Browserless(URI base) {
    this.base = base;
    // HTTP/1.1, as a browser speaks to a server without TLS and as a load balancer often speaks
    // to its servers. The JDK's default, HTTP/2, keeps connections open that Liberty then waits
    // for when it stops: 30 seconds of every HTTPS test server's stop went there.
    HttpClient.Builder client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5));
    if (base.getScheme().equals("https")) {
      client.sslContext(trustingSelfSigned());
    }
    this.http = client.build();
  }

  /**
   * TLS that accepts the certificate a test server made for itself; only ever for servers on this
   * machine.
   */
  private static SSLContext trustingSelfSigned() {
    X509TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustAll}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> send(String method, String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends a request again every half second while it is answered 503, for up to ten seconds: what a
   * client does after {@code Retry-After} while a database comes back.
   */
  static HttpResponse<String> retryWhileUnavailable(Callable<HttpResponse<String>> request)
      throws Exception {
    HttpResponse<String> response = request.call();
    for (int attempt = 0; attempt < 20 && response.statusCode() == 503; attempt++) {
      Thread.sleep(500);
      response = request.call();
    }
    return response;
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    return send("GET", path, null, headers);
  }

  HttpResponse<String> post(String path, String json, String... headers) throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return send("POST", path, json, all);
  }

  /** Signs in through the demo and returns the response. */
  HttpResponse<String> login(String userId, String... headers) throws Exception {
    return loginAt("", userId, headers);
  }

  /** The tokens of a header-mode login, as a mobile or server client keeps them. */
  record HeaderSession(String accessToken, String refreshToken, String sessionHandle) {}

  /** Signs in through the demo in header mode. */
  HeaderSession headerLogin(String userId) throws Exception {
    HttpResponse<String> login = login(userId, "st-auth-mode", "header");
    return new HeaderSession(
        login.headers().firstValue("st-access-token").orElseThrow(),
        login.headers().firstValue("st-refresh-token").orElseThrow(),
        json(login).getString("sessionHandle"));
  }

  /** Sends a request with {@code Authorization: Bearer token}. */
  HttpResponse<String> bearer(String method, String path, String token) throws Exception {
    return send(method, path, null, "Authorization", "Bearer " + token);
  }

  /** Signs in through the demo of the application at a context root. */
  HttpResponse<String> loginAt(String contextRoot, String userId, String... headers)
      throws Exception {
    return post(
        contextRoot + "/demo/login",
        "{\"userId\":\"" + userId + "\",\"accessTokenPayload\":{\"role\":\"tester\"}}",
        headers);
  }

  Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /**
   * One check of a MicroProfile Health answer, by name.
   *
   * @param health the answer of {@code /health/ready} or {@code /health/live}
   * @param name the check's name, such as {@code baton-warm-up}
   * @return the check: name, status and data
   */
  static JsonObject healthCheck(HttpResponse<String> health, String name) {
    return json(health).getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(check -> check.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + health.body()));
  }

  static JsonObject frontToken(HttpResponse<String> response) {
    String header = response.headers().firstValue("front-token").orElseThrow();
    return Json.createReader(
            new StringReader(
                new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8)))
        .readObject();
  }
}
