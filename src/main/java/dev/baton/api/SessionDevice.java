package dev.baton.api;

/**
 * The device a session is used from, shown to its user in the list of their sessions. None of it
 * enters the access token.
 *
 * <p>Given to {@link SessionService#createNewSession(String, jakarta.json.JsonObject,
 * jakarta.json.JsonObject, SessionDevice)}, the address is the client's IP address as the server
 * saw it; read back in {@link SessionInformation}, it is in the form {@code session.client-address}
 * stores (truncated by default, hashed, whole or none).
 *
 * @param userAgent the browser's {@code User-Agent}, or null; Baton keeps its first 256 characters
 * @param clientAddress an IPv4 or IPv6 address, or null
 * @param name a name the application or the user gave the device ("Alice's laptop"), at most 100
 *     characters, or null
 */
public record SessionDevice(String userAgent, String clientAddress, String name) {

  /** A device Baton knows nothing about: a session created outside an HTTP request. */
  public static final SessionDevice UNKNOWN = new SessionDevice(null, null, null);

  /**
   * The same device with a name.
   *
   * @param deviceName the name, or null for none
   * @return the named device
   */
  public SessionDevice named(String deviceName) {
    return new SessionDevice(userAgent, clientAddress, deviceName);
  }
}
