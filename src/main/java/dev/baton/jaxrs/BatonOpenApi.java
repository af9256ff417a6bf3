package dev.baton.jaxrs;

import dev.baton.config.SessionConfigProducer;
import dev.baton.config.WebConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds Baton's endpoints to a host application's OpenAPI document: the host names it with {@code
 * mp.openapi.model.reader=dev.baton.jaxrs.BatonOpenApi}, and MicroProfile OpenAPI merges this model
 * with what it scans from the host's own annotations, on Open Liberty and Payara alike.
 *
 * <p>A model reader rather than annotations on Baton's resources: their {@code @Path} matches any
 * base path and checks the configured one at run time, so scanning them would document a path
 * template nobody can call; and servers differ on whether they scan jars in {@code WEB-INF/lib}.
 * Baton's resources are therefore hidden from scanning, and this reader writes the real paths:
 * {@code session.api-base-path} below {@code session.openapi.application-path} (the host's
 * {@code @ApplicationPath}, default {@code /}).
 */
public class BatonOpenApi implements OASModelReader {

  static final String APPLICATION_PATH_KEY = "session.openapi.application-path";
  static final String TAG = "Baton sessions";

  @Override
  public OpenAPI buildModel() {
    Config config = ConfigProvider.getConfig();
    WebConfig web = SessionConfigProducer.readWeb(config);
    String application = config.getOptionalValue(APPLICATION_PATH_KEY, String.class).orElse("/");
    String base =
        (application.endsWith("/")
                ? application.substring(0, application.length() - 1)
                : application)
            + web.apiBasePath();
    Paths paths =
        OASFactory.createObject(Paths.class)
            .addPathItem(
                base + "/session/refresh",
                post(
                    operation(
                        "Exchanges the refresh token (cookie sRefreshToken or Authorization: Bearer) for a new"
                            + " token set",
                        "200",
                        "New tokens in Set-Cookie or st-access-token/st-refresh-token, a front-token",
                        "401",
                        "No, unknown, expired or revoked refresh token, or token theft detected",
                        "503",
                        "The session store is unavailable; the client keeps its tokens and retries")))
            .addPathItem(
                base + "/signout",
                post(
                    operation(
                        "Revokes the caller's session and clears its tokens",
                        "200",
                        "Signed out",
                        "401",
                        "No valid session")))
            .addPathItem(
                base + "/sessions",
                OASFactory.createObject(PathItem.class)
                    .GET(
                        operation(
                            "The caller's live sessions, newest first, the current one marked",
                            "200",
                            "The sessions",
                            "401",
                            "No valid session")))
            .addPathItem(
                base + "/sessions/{handle}",
                OASFactory.createObject(PathItem.class)
                    .DELETE(
                        operation(
                            "Ends one of the caller's sessions",
                            "200",
                            "Ended",
                            "401",
                            "No valid session",
                            "404",
                            "The caller has no such session")))
            .addPathItem(
                base + "/sessions/revoke-others",
                post(
                    operation(
                        "Ends every session of the caller but the current one",
                        "200",
                        "How many were ended",
                        "401",
                        "No valid session")))
            .addPathItem(
                base + "/jwt/jwks.json",
                OASFactory.createObject(PathItem.class)
                    .GET(
                        operation(
                            "The public keys that verify Baton's access tokens (RFC 7517)",
                            "200",
                            "The JSON Web Key Set")));
    return OASFactory.createObject(OpenAPI.class).paths(paths);
  }

  private static PathItem post(Operation operation) {
    return OASFactory.createObject(PathItem.class).POST(operation);
  }

  /** An operation with its responses given as status, description pairs. */
  private static Operation operation(String summary, String... responses) {
    APIResponses answers = OASFactory.createObject(APIResponses.class);
    for (int i = 0; i < responses.length; i += 2) {
      answers.addAPIResponse(
          responses[i], OASFactory.createObject(APIResponse.class).description(responses[i + 1]));
    }
    return OASFactory.createObject(Operation.class).summary(summary).addTag(TAG).responses(answers);
  }
}
