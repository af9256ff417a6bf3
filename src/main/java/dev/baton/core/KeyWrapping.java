package dev.baton.core;

import dev.baton.config.KeyEncryptionKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Envelope encryption of the secrets in Baton's key rows (security review M4): each private signing
 * key and refresh-token key is sealed with AES-256-GCM under a key-encryption key from
 * configuration, with the row's identity ({@code baton_signing_key/<kid>}, {@code
 * baton_refresh_key/<version>}) as associated data, so that a wrapped value copied into another row
 * does not open. A key-encryption key is known by an id derived from it with HMAC, which the
 * keyring row records and which says nothing about the key.
 */
@ApplicationScoped
class KeyWrapping {

  private static final int IV_LENGTH = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] ID_LABEL =
      "baton key-encryption-key id".getBytes(StandardCharsets.UTF_8);

  @Inject KeyEncryptionKeys keys;

  /**
   * The id of the configured key-encryption key.
   *
   * @return the id, or empty when keys are stored in clear
   */
  Optional<String> currentId() {
    return keys.current().map(KeyWrapping::idOf);
  }

  /**
   * The id of the key the keys were wrapped with before.
   *
   * @return the id, or empty when none is configured
   */
  Optional<String> previousId() {
    return keys.previous().map(KeyWrapping::idOf);
  }

  /**
   * Stores a secret under the configured key-encryption key, or in clear when there is none.
   *
   * @param rowId the row's identity, bound to the wrapped value
   * @param secret the key's bytes
   * @return base64 of the secret, or of IV and ciphertext
   */
  String store(String rowId, byte[] secret) {
    return keys.current().map(kek -> wrap(kek, rowId, secret)).orElseGet(() -> base64(secret));
  }

  /**
   * Reads a stored secret.
   *
   * @param rowId the row's identity
   * @param stored what the row holds
   * @param wrappedWith the id the keyring records, or {@code null} for clear storage
   * @return the key's bytes
   * @throws KeyEncryptionException when no configured key has that id, or the value does not open
   */
  byte[] read(String rowId, String stored, String wrappedWith) {
    if (wrappedWith == null) {
      return Base64.getDecoder().decode(stored);
    }
    return unwrap(keyWithId(wrappedWith), rowId, stored);
  }

  /**
   * Re-stores a secret under the configured key-encryption key.
   *
   * @param rowId the row's identity
   * @param stored what the row holds
   * @param wrappedWith the id it is wrapped with now, or {@code null} for clear storage
   * @return the new stored form
   */
  String rewrap(String rowId, String stored, String wrappedWith) {
    return store(rowId, read(rowId, stored, wrappedWith));
  }

  private SecretKey keyWithId(String id) {
    return keys.current()
        .filter(kek -> idOf(kek).equals(id))
        .or(() -> keys.previous().filter(kek -> idOf(kek).equals(id)))
        .orElseThrow(() -> refusal(id));
  }

  /**
   * Why keys wrapped with a key-encryption key are not used: it is not among the configured ones.
   *
   * @param wrappedWith the id the keyring records
   * @return the exception to throw
   */
  KeyEncryptionException refusal(String wrappedWith) {
    return new KeyEncryptionException(
        "Baton's keys in the database are wrapped with the key-encryption key '"
            + wrappedWith
            + "', and "
            + currentId()
                .map(
                    id ->
                        "session.key-encryption-key is '"
                            + id
                            + "'"
                            + previousId()
                                .map(p -> " and session.previous-key-encryption-key '" + p + "'")
                                .orElse(""))
                .orElse("no session.key-encryption-key is configured")
            + ". Configure the key they are wrapped with (or it as"
            + " session.previous-key-encryption-key beside a new one); no new keys were created.");
  }

  /** HMAC-SHA256 of a fixed label under the key, its first 9 bytes in base64url. */
  static String idOf(SecretKey kek) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(kek);
      byte[] tag = mac.doFinal(ID_LABEL);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(tag, 9));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static String wrap(SecretKey kek, String rowId, byte[] secret) {
    byte[] iv = Secrets.randomBytes(IV_LENGTH);
    try {
      byte[] sealed = cipher(Cipher.ENCRYPT_MODE, kek, iv, rowId).doFinal(secret);
      return base64(ByteBuffer.allocate(IV_LENGTH + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  private static byte[] unwrap(SecretKey kek, String rowId, String stored) {
    try {
      byte[] raw = Base64.getDecoder().decode(stored);
      return cipher(Cipher.DECRYPT_MODE, kek, Arrays.copyOf(raw, IV_LENGTH), rowId)
          .doFinal(raw, IV_LENGTH, raw.length - IV_LENGTH);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new KeyEncryptionException(
          "the key row " + rowId + " does not open with its key-encryption key", e);
    }
  }

  private static Cipher cipher(int mode, SecretKey kek, byte[] iv, String rowId)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, kek, new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
