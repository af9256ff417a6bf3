package dev.baton.jaxrs.mapper;

import dev.baton.config.WebConfig;
import dev.baton.core.JsonSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The page a browser navigation gets when its access token has expired (SuperTokens' "special
 * note"): a script posts to the refresh endpoint, then reloads the page, or goes to {@code
 * session.login-url} when the session is gone. A server fault leaves the user where they are with a
 * retry link rather than logging them out.
 */
@ApplicationScoped
class RefreshPage {

  private static final String TEMPLATE =
      """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Refreshing your session</title></head>
      <body><p id="status">Refreshing your session…</p>
      <noscript>Your session has expired. <a href="%1$s">Sign in again</a>.</noscript>
      <script>
      (function () {
        var refresh = %2$s, login = %3$s;
        var csrf = document.cookie.match(/(?:^|;\\s*)sAntiCsrf=([^;]*)/);
        var headers = {"rid": "session"};
        if (csrf) { headers["anti-csrf"] = decodeURIComponent(csrf[1]); }
        fetch(refresh, {method: "POST", credentials: "include", headers: headers})
          .then(function (r) {
            if (r.ok) { location.reload(); }
            else if (r.status === 401) { location.href = login; }
            else { document.getElementById("status").innerHTML =
                'The server is busy. <a href="javascript:location.reload()">Try again</a>.'; }
          })
          .catch(function () { document.getElementById("status").textContent =
              "The server cannot be reached. Reload the page to try again."; });
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
    String html =
        TEMPLATE.formatted(
            htmlAttribute(web.loginUrl()),
            jsString(request.refreshPath()),
            jsString(web.loginUrl()));
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .entity(html)
        .build();
  }

  /** A JSON string literal that cannot close the script element. */
  private static String jsString(String value) {
    return JsonSupport.builder()
        .add("v", value)
        .build()
        .get("v")
        .toString()
        .replace("<", "\\u003c");
  }

  private static String htmlAttribute(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }
}
