package dev.baton.jaxrs;

import dev.baton.api.CurrentSession;
import dev.baton.api.SessionDevice;
import dev.baton.api.SessionInformation;
import dev.baton.api.SessionService;
import dev.baton.api.VerifiedSession;
import dev.baton.api.VerifySession;
import dev.baton.config.WebConfig;
import dev.baton.core.JsonSupport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The caller's own sessions (OWASP ASVS 7.4.3, 7.5.2): {@code GET {base}/sessions}, {@code DELETE
 * {base}/sessions/{handle}} and {@code POST {base}/sessions/revoke-others}. A handle that is not
 * the caller's gets the same 404 as an unknown one, so that nobody can probe handles.
 */
@Path("{base: .+}/sessions")
@RequestScoped
@VerifySession
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

  @Inject SessionService sessions;
  @Inject CurrentSession current;
  @Inject RequestTokenTransport transport;
  @Inject WebConfig web;

  /**
   * The caller's live sessions, newest first, the current one marked.
   *
   * @param base the API base path the request matched
   * @return {@code {"sessions":[{"sessionHandle","createdAt","expiresAt","authenticatedAt",
   *     "refreshedAt","userAgent","clientAddress","deviceName","current"}]}}, times in epoch
   *     milliseconds, absent values null
   */
  @GET
  @Operation(hidden = true)
  public JsonObject list(@PathParam("base") String base) {
    ApiPaths.requireBase(base, web);
    VerifiedSession caller = current.require();
    JsonArrayBuilder list = JsonSupport.arrayBuilder();
    for (SessionInformation session : sessions.getSessionsOfUser(caller.userId())) {
      SessionDevice device = session.device();
      JsonObjectBuilder entry =
          JsonSupport.builder()
              .add("sessionHandle", session.sessionHandle())
              .add("createdAt", session.createdAt().toEpochMilli())
              .add("expiresAt", session.expiresAt().toEpochMilli())
              .add("authenticatedAt", session.authenticatedAt().toEpochMilli());
      session
          .refreshedAt()
          .ifPresentOrElse(
              at -> entry.add("refreshedAt", at.toEpochMilli()),
              () -> entry.addNull("refreshedAt"));
      text(entry, "userAgent", device.userAgent());
      text(entry, "clientAddress", device.clientAddress());
      text(entry, "deviceName", device.name());
      list.add(entry.add("current", session.sessionHandle().equals(caller.sessionHandle())));
    }
    return JsonSupport.builder().add("sessions", list).build();
  }

  private static void text(JsonObjectBuilder entry, String name, String value) {
    if (value == null) {
      entry.addNull(name);
    } else {
      entry.add(name, value);
    }
  }

  /**
   * Ends one of the caller's sessions; ending the current one is a sign-out.
   *
   * @param base the API base path the request matched
   * @param handle the session to end
   * @return {@code {"status":"OK"}}, or 404 when the caller has no such session
   */
  @DELETE
  @Path("{handle}")
  @Operation(hidden = true)
  public Response revoke(@PathParam("base") String base, @PathParam("handle") String handle) {
    ApiPaths.requireBase(base, web);
    VerifiedSession caller = current.require();
    boolean own =
        sessions
            .getSessionInformation(handle)
            .filter(s -> s.userId().equals(caller.userId()))
            .isPresent();
    if (!own || !sessions.revokeSession(handle)) {
      return Response.status(Response.Status.NOT_FOUND)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(JsonSupport.builder().add("message", "unknown session").build())
          .build();
    }
    if (handle.equals(caller.sessionHandle())) {
      transport.clear();
    }
    return Response.ok(Responses.OK).build();
  }

  /**
   * Ends every session of the caller but the current one, for example after a password change.
   *
   * @param base the API base path the request matched
   * @return {@code {"status":"OK","revoked":n}}
   */
  @POST
  @Path("revoke-others")
  @Operation(hidden = true)
  public JsonObject revokeOthers(@PathParam("base") String base) {
    ApiPaths.requireBase(base, web);
    VerifiedSession caller = current.require();
    List<String> revoked =
        sessions.revokeAllSessionsForUser(caller.userId(), caller.sessionHandle());
    return JsonSupport.builder().add("status", "OK").add("revoked", revoked.size()).build();
  }
}
