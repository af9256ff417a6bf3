package dev.baton.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;

/**
 * Reads one key-encryption key from MicroProfile Config: {@code <prefix>.file}, a file holding 32
 * random bytes in base64 ({@code openssl rand -base64 32}), or {@code <prefix>.keystore}, a PKCS12
 * keystore with an AES-256 secret-key entry ({@code <prefix>.alias}, default {@code baton-kek})
 * opened with {@code <prefix>.keystore-password}. Errors name the key and the path, never a byte of
 * the key.
 */
final class KeyEncryptionKeyReader {

  static final String DEFAULT_ALIAS = "baton-kek";
  private static final int KEY_BYTES = 32;

  private KeyEncryptionKeyReader() {}

  /**
   * Reads the key configured under a prefix.
   *
   * @param source where values come from
   * @param prefix {@code session.key-encryption-key} or {@code session.previous-key-encryption-key}
   * @return the key, or empty when neither a file nor a keystore is configured
   * @throws InvalidConfigException naming the key whose value is wrong
   */
  static Optional<SecretKey> read(Config source, String prefix) {
    Optional<String> file = value(source, prefix + ".file");
    Optional<String> keystore = value(source, prefix + ".keystore");
    if (file.isPresent() && keystore.isPresent()) {
      throw new InvalidConfigException(
          prefix + ".file", "set it or " + prefix + ".keystore, not both");
    }
    if (file.isPresent()) {
      return Optional.of(fromFile(prefix + ".file", Path.of(file.get())));
    }
    if (keystore.isPresent()) {
      return Optional.of(fromKeystore(source, prefix, Path.of(keystore.get())));
    }
    return Optional.empty();
  }

  private static SecretKey fromFile(String key, Path path) {
    byte[] bytes;
    try {
      String text = Files.readString(path, StandardCharsets.US_ASCII).strip();
      bytes = Base64.getDecoder().decode(text);
    } catch (IOException e) {
      throw new InvalidConfigException(
          key, "cannot read " + path + " (" + e.getClass().getName() + ")");
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(
          key, path + " does not hold base64 (openssl rand -base64 32)");
    }
    if (bytes.length != KEY_BYTES) {
      throw new InvalidConfigException(
          key, path + " holds " + bytes.length + " bytes; expected 32 (openssl rand -base64 32)");
    }
    return new SecretKeySpec(bytes, "AES");
  }

  private static SecretKey fromKeystore(Config source, String prefix, Path path) {
    String passwordKey = prefix + ".keystore-password";
    char[] password =
        value(source, passwordKey)
            .orElseThrow(() -> new InvalidConfigException(passwordKey, "is needed to open " + path))
            .toCharArray();
    String alias = value(source, prefix + ".alias").orElse(DEFAULT_ALIAS);
    Key key;
    try (InputStream in = Files.newInputStream(path)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      key = store.getKey(alias, password);
    } catch (IOException | GeneralSecurityException e) {
      // A wrong password shows as an IOException from load: the message says so, without it.
      throw new InvalidConfigException(
          prefix + ".keystore",
          "cannot open " + path + " with " + passwordKey + " (" + e.getClass().getName() + ")");
    }
    if (!(key instanceof SecretKey secret)
        || !"AES".equalsIgnoreCase(secret.getAlgorithm())
        || secret.getEncoded() == null
        || secret.getEncoded().length != KEY_BYTES) {
      throw new InvalidConfigException(
          prefix + ".alias", path + " has no AES-256 secret key under the alias " + alias);
    }
    return new SecretKeySpec(secret.getEncoded(), "AES");
  }

  private static Optional<String> value(Config source, String key) {
    return source.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
  }
}
