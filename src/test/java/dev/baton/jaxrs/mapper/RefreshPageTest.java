package dev.baton.jaxrs.mapper;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.config.SessionConfigProducer;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page's markup; the browser tests run it against the real SDK. */
class RefreshPageTest {

  private static String page(String apiPath, Map<String, String> settings) {
    RefreshPage page = new RefreshPage();
    page.web =
        SessionConfigProducer.readWeb(
            new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "test", 100))
                .build());
    page.request =
        new RequestFacts() {
          @Override
          public boolean isPageNavigation() {
            return true;
          }

          @Override
          public String apiPath() {
            return apiPath;
          }
        };
    Response response = page.response(401);
    assertEquals("no-store", response.getHeaderString("Cache-Control"));
    return (String) response.getEntity();
  }

  @Test
  void pageRefreshesThroughTheSdkBelowTheApplicationsContextPath() {
    String html = page("/shop/auth", Map.of());
    assertAll(
        () -> assertTrue(html.contains("<script src=\"/shop/auth/sdk/supertokens-website.js\">")),
        () -> assertTrue(html.contains("\"apiBasePath\":\"/shop/auth\"")),
        () -> assertTrue(html.contains("\"tokenTransferMethod\":\"cookie\"")),
        () -> assertTrue(html.contains("\"sessionExpiredStatusCode\":401")),
        () -> assertTrue(html.contains("supertokens.attemptRefreshingSession()")),
        () -> assertFalse(html.contains("sessionTokenFrontendDomain")));
  }

  @Test
  void pageSharesTheApplicationsFrontendCookieDomainAndExpiredStatus() {
    String html =
        page(
            "/auth",
            Map.of(
                "session.refresh-page.frontend-cookie-domain", ".example.com",
                "session.session-expired-status", "440"));
    assertTrue(html.contains("\"sessionTokenFrontendDomain\":\".example.com\""));
    assertTrue(html.contains("\"sessionExpiredStatusCode\":440"));
  }

  @Test
  void loginUrlCannotCloseTheScriptOrTheAttribute() {
    String html = page("/auth", Map.of("session.login-url", "/in\"</script><b>"));
    assertTrue(html.contains("href=\"/in&quot;&lt;/script>&lt;b>\""));
    assertTrue(html.contains("var login = \"/in\\\"\\u003c/script>\\u003cb>\""));
    assertEquals(2, html.split("</script>", -1).length - 1, "only the page's own two scripts");
  }
}
