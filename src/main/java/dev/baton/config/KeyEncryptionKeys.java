package dev.baton.config;

import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * The AES-256 key-encryption keys that wrap Baton's private signing keys and refresh-token keys in
 * the database (envelope encryption). Read from {@code session.key-encryption-key.*} and {@code
 * session.previous-key-encryption-key.*}, each a file ({@code .file}, the key in base64) or a
 * PKCS12 keystore ({@code .keystore}, {@code .keystore-password}, {@code .alias}).
 *
 * @param current wraps the keys; none stores them in clear (the demo)
 * @param previous the key they were wrapped with before, so that a server can re-wrap them under
 *     the current one at start-up; none when no re-wrap is under way
 */
public record KeyEncryptionKeys(Optional<SecretKey> current, Optional<SecretKey> previous) {

  @Override
  public String toString() {
    return "KeyEncryptionKeys[current="
        + (current.isPresent() ? "set" : "none")
        + ", previous="
        + (previous.isPresent() ? "set" : "none")
        + "]";
  }
}
