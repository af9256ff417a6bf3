package dev.baton.core;

import dev.baton.api.SessionDevice;
import dev.baton.api.exception.InvalidSessionInputException;
import dev.baton.config.LifecycleConfig.ClientAddressStorage;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a session's device and puts it in the form it is stored in. */
final class Devices {

  static final int MAX_NAME_LENGTH = 100;
  static final int MAX_USER_AGENT_LENGTH = 256;

  /** A dotted IPv4 literal: anything else without a colon could be a host name to look up. */
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private Devices() {}

  /**
   * Checks a device and puts it in stored form.
   *
   * @param device as given, or null for none
   * @param userId its user, whose id salts a hashed address
   * @param storage how addresses are kept
   * @return the stored form: agent cut to length, address in the configured form
   * @throws InvalidSessionInputException for a name too long or an address that is not one
   */
  static SessionDevice stored(SessionDevice device, String userId, ClientAddressStorage storage) {
    if (device == null) {
      return SessionDevice.UNKNOWN;
    }
    return new SessionDevice(
        userAgent(device.userAgent()),
        address(device.clientAddress(), userId, storage),
        name(device.name()));
  }

  /**
   * Checks a device name: the user sees it, so it is short and has no control characters.
   *
   * @param name the name, or null
   * @return the name, or null when blank
   */
  static String name(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String trimmed = name.strip();
    if (trimmed.length() > MAX_NAME_LENGTH) {
      throw new InvalidSessionInputException(
          "deviceName must be at most " + MAX_NAME_LENGTH + " characters");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidSessionInputException("deviceName must not contain control characters");
    }
    return trimmed;
  }

  /**
   * The agent is the client's to send: cut to length, control characters dropped, never refused.
   */
  private static String userAgent(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return null;
    }
    String printable = userAgent.strip().replaceAll("\\p{Cntrl}", "");
    return printable.length() <= MAX_USER_AGENT_LENGTH
        ? printable
        : printable.substring(0, MAX_USER_AGENT_LENGTH);
  }

  private static String address(String address, String userId, ClientAddressStorage storage) {
    if (address == null || address.isBlank()) {
      return null;
    }
    // Checked whatever is kept: an address that is not one is the caller's mistake either way.
    InetAddress parsed = literal(address);
    return switch (storage) {
      case TRUNCATED -> truncated(parsed);
      case HASHED -> "sha256:" + Secrets.sha256Hex(userId + "\n" + parsed.getHostAddress());
      case FULL -> parsed.getHostAddress();
      case NONE -> null;
    };
  }

  /** Parses an IP literal without ever resolving a name. */
  private static InetAddress literal(String address) {
    String literal = address.strip();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    try {
      Matcher ipv4 = IPV4.matcher(literal);
      if (ipv4.matches()) {
        return InetAddress.getByAddress(ipv4Bytes(ipv4));
      }
      if (literal.contains(":") && IPV6.matcher(literal).matches()) {
        // With a colon, the JDK parses an IPv6 literal and never asks DNS.
        return InetAddress.getByName(literal);
      }
    } catch (UnknownHostException e) {
      // refused below
    }
    throw new InvalidSessionInputException("clientAddress must be an IPv4 or IPv6 address");
  }

  private static byte[] ipv4Bytes(Matcher octets) throws UnknownHostException {
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int octet = Integer.parseInt(octets.group(i + 1));
      if (octet > 255) {
        throw new UnknownHostException("octet out of range");
      }
      bytes[i] = (byte) octet;
    }
    return bytes;
  }

  /** The network: IPv4 /24, IPv6 /48. */
  private static String truncated(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
    }
    return Integer.toHexString(group(bytes, 0))
        + ":"
        + Integer.toHexString(group(bytes, 2))
        + ":"
        + Integer.toHexString(group(bytes, 4))
        + "::/48";
  }

  private static int group(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
  }
}
