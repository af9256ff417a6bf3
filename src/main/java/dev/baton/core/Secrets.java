package dev.baton.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random tokens, hashes and constant-time comparison, all from the JDK. Only the hash is public:
 * the HTTP layer names a token by it without holding the token.
 */
public final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Secrets() {}

  /**
   * Random bytes from {@link SecureRandom}.
   *
   * @param length how many
   * @return the bytes
   */
  static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /**
   * A new anti-CSRF token: 128 random bits, base64url.
   *
   * @return the token
   */
  static String newAntiCsrfToken() {
    return BASE64URL.encodeToString(randomBytes(16));
  }

  /**
   * A new access-token id ({@code jti}): 128 random bits, base64url, unique without coordination.
   *
   * @return the id
   */
  static String newTokenId() {
    return BASE64URL.encodeToString(randomBytes(16));
  }

  /**
   * SHA-256 of a string's UTF-8 bytes, as lower-case hex: SuperTokens' {@code hash1} of a refresh
   * token, and applied twice its {@code hash2}.
   *
   * @param value the text to hash
   * @return 64 hex digits
   */
  public static String sha256Hex(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Compares two secrets in time that does not depend on where they differ (OWASP ASVS 2.9).
   *
   * @param expected the value Baton issued
   * @param presented what the client sent, possibly {@code null}
   * @return whether both are present and equal
   */
  static boolean constantTimeEquals(String expected, String presented) {
    if (expected == null || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
