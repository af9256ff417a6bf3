package dev.baton.core;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals {@link RefreshTokenContent} into an opaque refresh token with AES-256-GCM, and opens it.
 *
 * <p>Sealing matters for theft detection: the parent hash a child token names must not be
 * forgeable, or anyone who read {@code refreshTokenHash1} from an access token could mint a "child"
 * of the current parent. Every token also carries 128 fresh random bits.
 *
 * <p>A token is {@code format (1 byte) | key version (4 bytes) | IV (12) | ciphertext and tag},
 * base64url. The key rotates ({@code session.refresh-token-key.rotation}), so that no key seals
 * anywhere near the 2^32 random-IV messages NIST SP 800-38D section 8.3 allows; the version names
 * the key that opens the token, and the format and version are part of the associated data, so
 * neither can be changed without the token failing to open.
 */
@ApplicationScoped
class RefreshTokenCodec {

  /** Longer input cannot be one of our tokens; refused before any decoding. */
  static final int MAX_TOKEN_LENGTH = 256;

  private static final byte FORMAT = 2;
  private static final int HEADER_LENGTH = 1 + 4;
  private static final byte VERSION = 1;
  private static final byte HAS_PARENT = 1;
  private static final byte HAS_ANTI_CSRF = 2;
  private static final int IV_LENGTH = 12;
  private static final int TAG_BITS = 128;
  private static final int NONCE_LENGTH = 16;
  private static final int MIN_PLAIN_LENGTH = 2 + 16 + NONCE_LENGTH;
  private static final byte[] PURPOSE = "baton-refresh-v2".getBytes(StandardCharsets.UTF_8);

  @Inject KeyRing keyRing;

  /**
   * Seals content into a new token.
   *
   * @param content what the token carries
   * @return the token, base64url
   */
  String seal(RefreshTokenContent content) {
    byte[] plain = encode(content);
    KeyMaterial.RefreshKey key = keyRing.sealingKey();
    byte[] header = ByteBuffer.allocate(HEADER_LENGTH).put(FORMAT).putInt(key.version()).array();
    byte[] iv = Secrets.randomBytes(IV_LENGTH);
    try {
      byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key.key(), header, iv).doFinal(plain);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              ByteBuffer.allocate(HEADER_LENGTH + IV_LENGTH + sealed.length)
                  .put(header)
                  .put(iv)
                  .put(sealed)
                  .array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /**
   * Opens a token.
   *
   * @param token what a client sent
   * @return its content, or empty when the token is not one of ours or was altered
   */
  Optional<RefreshTokenContent> open(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    try {
      byte[] raw = Base64.getUrlDecoder().decode(token);
      int cipherStart = HEADER_LENGTH + IV_LENGTH;
      if (raw.length < cipherStart + TAG_BITS / 8 + MIN_PLAIN_LENGTH || raw[0] != FORMAT) {
        return Optional.empty();
      }
      byte[] header = Arrays.copyOf(raw, HEADER_LENGTH);
      Optional<SecretKey> key = keyRing.refreshKey(ByteBuffer.wrap(header, 1, 4).getInt());
      if (key.isEmpty()) {
        return Optional.empty();
      }
      Cipher cipher =
          cipher(
              Cipher.DECRYPT_MODE,
              key.get(),
              header,
              Arrays.copyOfRange(raw, HEADER_LENGTH, cipherStart));
      return decode(cipher.doFinal(raw, cipherStart, raw.length - cipherStart));
    } catch (IllegalArgumentException | GeneralSecurityException | ProviderException e) {
      // Not base64, or not sealed with our key: either way not one of our tokens.
      return Optional.empty();
    }
  }

  /**
   * The one spelling of a token that {@link #open} accepted: base64url without padding and with the
   * unused low bits of the last character clear. A client, proxy or library that re-encodes the
   * token (adds {@code =}, sets those bits) sends the same bytes under another string; the rotation
   * rules hash this form, so such a token is the same token and never a false theft.
   *
   * @param token a token that opens
   * @return its canonical spelling
   */
  static String canonical(String token) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Base64.getUrlDecoder().decode(token));
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] header, byte[] iv)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(PURPOSE);
    cipher.updateAAD(header);
    return cipher;
  }

  private static byte[] encode(RefreshTokenContent content) {
    UUID handle = UUID.fromString(content.sessionHandle());
    byte[] parent =
        content.parentRefreshTokenHash1() == null
            ? new byte[0]
            : HexFormat.of().parseHex(content.parentRefreshTokenHash1());
    byte[] antiCsrf =
        content.antiCsrfToken() == null
            ? new byte[0]
            : Base64.getUrlDecoder().decode(content.antiCsrfToken());
    byte flags =
        (byte) ((parent.length > 0 ? HAS_PARENT : 0) | (antiCsrf.length > 0 ? HAS_ANTI_CSRF : 0));
    return ByteBuffer.allocate(2 + 16 + NONCE_LENGTH + parent.length + antiCsrf.length)
        .put(VERSION)
        .put(flags)
        .putLong(handle.getMostSignificantBits())
        .putLong(handle.getLeastSignificantBits())
        .put(Secrets.randomBytes(NONCE_LENGTH))
        .put(parent)
        .put(antiCsrf)
        .array();
  }

  private static Optional<RefreshTokenContent> decode(byte[] plain) {
    ByteBuffer in = ByteBuffer.wrap(plain);
    if (plain.length < MIN_PLAIN_LENGTH || in.get() != VERSION) {
      return Optional.empty();
    }
    byte flags = in.get();
    String handle = new UUID(in.getLong(), in.getLong()).toString();
    in.position(in.position() + NONCE_LENGTH);
    int expected = ((flags & HAS_PARENT) != 0 ? 32 : 0) + ((flags & HAS_ANTI_CSRF) != 0 ? 16 : 0);
    if (in.remaining() != expected) {
      return Optional.empty();
    }
    String parent = (flags & HAS_PARENT) != 0 ? HexFormat.of().formatHex(take(in, 32)) : null;
    String antiCsrf =
        (flags & HAS_ANTI_CSRF) != 0
            ? Base64.getUrlEncoder().withoutPadding().encodeToString(take(in, 16))
            : null;
    return Optional.of(new RefreshTokenContent(handle, parent, antiCsrf));
  }

  private static byte[] take(ByteBuffer in, int length) {
    byte[] bytes = new byte[length];
    in.get(bytes);
    return bytes;
  }
}
