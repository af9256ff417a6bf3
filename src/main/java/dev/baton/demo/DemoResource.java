package dev.baton.demo;

import dev.baton.api.CurrentSession;
import dev.baton.api.SessionDelivery;
import dev.baton.api.SessionService;
import dev.baton.api.SessionTokens;
import dev.baton.api.VerifiedSession;
import dev.baton.api.VerifySession;
import dev.baton.api.exception.InvalidSessionInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The example every user copies. The login takes no password because this is a demo: a real one
 * checks credentials before {@code createNewSession}.
 */
@Path("demo")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DemoResource {

  @Inject SessionService sessions;
  @Inject SessionDelivery delivery;
  @Inject CurrentSession session;

  /**
   * Starts a session: {@code {"userId": "...", "accessTokenPayload": {...}, "sessionData": {...},
   * "deviceName": "..."}}, all but the user optional. The session records the request's browser and
   * address for the user's list of sessions.
   *
   * @param body the login request
   * @return the user id and session handle
   */
  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject login(JsonValue body) {
    JsonObject login = requireObject(body);
    SessionTokens tokens =
        sessions.createNewSession(
            text(login, "userId"),
            object(login, "accessTokenPayload"),
            object(login, "sessionData"),
            delivery.device().named(optionalText(login, "deviceName")));
    delivery.deliver(tokens);
    return Json.createObjectBuilder()
        .add("status", "OK")
        .add("userId", tokens.userId())
        .add("sessionHandle", tokens.sessionHandle())
        .build();
  }

  /**
   * Who is signed in.
   *
   * @param security the request's security context, whose principal is the session's user
   * @return the user id, session handle, access-token payload and last authentication (epoch
   *     seconds)
   */
  @GET
  @Path("me")
  @VerifySession
  public JsonObject me(@Context SecurityContext security) {
    VerifiedSession verified = session.require();
    return Json.createObjectBuilder()
        // The same user id, read the standard way.
        .add("userId", security.getUserPrincipal().getName())
        .add("sessionHandle", verified.sessionHandle())
        .add("accessTokenPayload", verified.accessTokenPayload())
        .add("authenticatedAt", verified.authenticatedAt().getEpochSecond())
        .build();
  }

  /**
   * An action that needs a recent authentication: within 10 seconds, short so that a visitor of the
   * demo sees the 403 and the re-authentication (a real application uses minutes).
   *
   * @return the user and when they last authenticated
   */
  @GET
  @Path("sensitive")
  @VerifySession(maxAuthAge = "PT10S")
  public JsonObject sensitive() {
    return authentication(session.require());
  }

  /**
   * Records a new authentication on the current session. The demo asks for nothing; a real
   * application checks the password (or a second factor) first.
   *
   * @return the user and the new authentication time; the response carries the new access token
   */
  @POST
  @Path("reauthenticate")
  @VerifySession
  public JsonObject reauthenticate() {
    return authentication(session.recordAuthentication());
  }

  /**
   * An action for users whose e-mail is verified: the demo's claim validator must pass, or the
   * answer is SuperTokens' invalid-claim 403 naming {@code st-ev}.
   *
   * @return the user
   */
  @GET
  @Path("verified")
  @VerifySession(claims = DemoClaims.EMAIL_VERIFIED)
  public JsonObject verified() {
    return Json.createObjectBuilder().add("userId", session.require().userId()).build();
  }

  /**
   * Marks the user's e-mail verified. The demo sends no mail; a real application does this when the
   * user follows the link. The new claim reaches the client in this very response.
   *
   * @return the access-token payload as it is now
   */
  @POST
  @Path("verify-email")
  @VerifySession
  public JsonObject verifyEmail() {
    VerifiedSession updated = session.setClaimValue(DemoClaims.EMAIL_VERIFIED, JsonValue.TRUE);
    return Json.createObjectBuilder()
        .add("status", "OK")
        .add("accessTokenPayload", updated.accessTokenPayload())
        .build();
  }

  private static JsonObject authentication(VerifiedSession verified) {
    return Json.createObjectBuilder()
        .add("userId", verified.userId())
        .add("authenticatedAt", verified.authenticatedAt().getEpochSecond())
        .build();
  }

  /**
   * An unprotected twin of {@link #me(SecurityContext)}, the baseline for benchmarks.
   *
   * @return a body of the same shape
   */
  @GET
  @Path("public")
  public JsonObject anonymous() {
    return Json.createObjectBuilder()
        .add("userId", "anonymous")
        .add("sessionHandle", "none")
        .add("accessTokenPayload", JsonValue.EMPTY_JSON_OBJECT)
        .add("authenticatedAt", 0)
        .build();
  }

  /**
   * The session's server-side data.
   *
   * @return {@code {"sessionData": {...}}}
   */
  @GET
  @Path("me/data")
  @VerifySession
  public JsonObject data() {
    return sessionData(session.require().sessionHandle());
  }

  /**
   * Replaces the session's server-side data.
   *
   * @param data the new data
   * @return {@code {"sessionData": {...}}}
   */
  @POST
  @Path("me/data")
  @VerifySession
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject updateData(JsonValue data) {
    JsonObject update = requireObject(data);
    String handle = session.require().sessionHandle();
    sessions.updateSessionData(handle, update);
    return sessionData(handle);
  }

  private JsonObject sessionData(String handle) {
    JsonObject data =
        sessions
            .getSessionInformation(handle)
            .map(info -> info.sessionData())
            .orElse(JsonValue.EMPTY_JSON_OBJECT);
    return Json.createObjectBuilder().add("sessionData", data).build();
  }

  /** The body as an object: an array, a string or no body at all is the client's mistake. */
  private static JsonObject requireObject(JsonValue body) {
    if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidSessionInputException("a JSON object body is required");
    }
    return body.asJsonObject();
  }

  private static String text(JsonObject body, String name) {
    JsonValue value = body.get(name);
    if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidSessionInputException(name + " must be a string");
    }
    return body.getString(name);
  }

  private static String optionalText(JsonObject body, String name) {
    JsonValue value = body.get(name);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL
        ? null
        : text(body, name);
  }

  private static JsonObject object(JsonObject body, String name) {
    JsonValue value = body.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidSessionInputException(name + " must be a JSON object");
    }
    return value.asJsonObject();
  }
}
