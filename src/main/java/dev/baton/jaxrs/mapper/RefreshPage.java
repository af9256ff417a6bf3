package dev.baton.jaxrs.mapper;

import dev.baton.config.WebConfig;
import dev.baton.core.JsonSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The page a browser navigation gets when its access token has expired (SuperTokens' "special
 * note"). It runs the unmodified {@code supertokens-website} SDK that Baton serves and refreshes
 * through it, so the refresh takes the SDK's cross-tab lock and the rotated anti-CSRF and front
 * tokens land where the application's own SDK reads them (security review H2). Then it reloads the
 * page, or goes to {@code session.login-url} when the session is gone. A server fault leaves the
 * user where they are with a retry link rather than logging them out.
 */
@ApplicationScoped
class RefreshPage {

  private static final String TEMPLATE =
      """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Refreshing your session</title></head>
      <body><p id="status">Refreshing your session…</p>
      <noscript>Your session has expired. <a href="%1$s">Sign in again</a>.</noscript>
      <script src="%2$s"></script>
      <script>
      (function () {
        var login = %3$s, status = document.getElementById("status");
        function busy() {
          status.innerHTML =
              'The server is busy. <a href="javascript:location.reload()">Try again</a>.';
        }
        if (typeof supertokens === "undefined") { busy(); return; }
        var options = %4$s;
        options.apiDomain = location.origin;
        supertokens.init(options);
        supertokens.attemptRefreshingSession().then(function (refreshed) {
          if (refreshed) { location.reload(); } else { location.replace(login); }
        }, busy);
      })();
      </script></body></html>
      """;

  @Inject RequestFacts request;
  @Inject WebConfig web;

  /**
   * Whether the current request is a browser navigation that should get this page.
   *
   * @return true for a GET that prefers HTML
   */
  boolean applies() {
    return request.isPageNavigation();
  }

  /**
   * The page.
   *
   * @param status the status to send it with
   * @return the response
   */
  Response response(int status) {
    String basePath = request.apiPath();
    String html =
        TEMPLATE.formatted(
            htmlAttribute(web.loginUrl()),
            htmlAttribute(basePath + "/sdk/supertokens-website.js"),
            jsString(web.loginUrl()),
            sdkOptions(basePath));
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .entity(html)
        .build();
  }

  /** The options the application's SDK passes to {@code init}; the page adds its own origin. */
  private String sdkOptions(String basePath) {
    JsonObjectBuilder options =
        JsonSupport.builder()
            .add("apiBasePath", basePath)
            .add("tokenTransferMethod", "cookie")
            .add("sessionExpiredStatusCode", web.sessionExpiredStatus());
    web.frontendCookieDomain().ifPresent(d -> options.add("sessionTokenFrontendDomain", d));
    return scriptSafe(options.build().toString());
  }

  /** A JSON string literal that cannot close the script element. */
  private static String jsString(String value) {
    return scriptSafe(JsonSupport.builder().add("v", value).build().get("v").toString());
  }

  private static String scriptSafe(String json) {
    return json.replace("<", "\\u003c");
  }

  private static String htmlAttribute(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }
}
