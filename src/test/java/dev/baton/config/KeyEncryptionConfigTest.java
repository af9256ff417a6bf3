package dev.baton.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key-encryption keys: read from a file or a PKCS12 keystore; every mistake is refused at
 * start-up naming its key, and no message carries a byte of a key or a password.
 */
class KeyEncryptionConfigTest {

  private static final String FILE = "session.key-encryption-key.file";
  private static final String KEYSTORE = "session.key-encryption-key.keystore";
  private static final String PASSWORD = "session.key-encryption-key.keystore-password";

  @TempDir Path folder;

  @Test
  void noKeyMeansKeysInClear() {
    KeyEncryptionKeys keys = SessionConfigProducer.readKeyEncryption(config());
    assertTrue(keys.current().isEmpty());
    assertTrue(keys.previous().isEmpty());
  }

  @Test
  void aFileAndAKeystoreHoldingTheSameKeyReadAlike() throws Exception {
    byte[] key = random(32);
    Path file = Files.writeString(folder.resolve("kek"), Base64.getEncoder().encodeToString(key));
    Path keystore = keystore(key, "secret-pass", "baton-kek");

    byte[] fromFile =
        SessionConfigProducer.readKeyEncryption(config(FILE, file.toString()))
            .current()
            .orElseThrow()
            .getEncoded();
    byte[] fromKeystore =
        SessionConfigProducer.readKeyEncryption(
                config(KEYSTORE, keystore.toString(), PASSWORD, "secret-pass"))
            .current()
            .orElseThrow()
            .getEncoded();

    assertEquals(Base64.getEncoder().encodeToString(key), b64(fromFile));
    assertEquals(b64(fromFile), b64(fromKeystore));
  }

  @Test
  void aMissingFileIsRefusedNamingTheKey() {
    assertRefused(FILE, config(FILE, folder.resolve("absent").toString()));
  }

  @Test
  void aFileWithoutThirtyTwoBytesIsRefusedWithoutShowingThem() throws Exception {
    String shortKey = Base64.getEncoder().encodeToString(random(16));
    Path file = Files.writeString(folder.resolve("short"), shortKey);
    String message = assertRefused(FILE, config(FILE, file.toString()));
    assertFalse(message.contains(shortKey), message);

    Path text = Files.writeString(folder.resolve("text"), "not base64 at all!");
    assertRefused(FILE, config(FILE, text.toString()));
  }

  @Test
  void aKeystoreWithAWrongPasswordIsRefusedWithoutShowingIt() throws Exception {
    Path keystore = keystore(random(32), "right-pass", "baton-kek");
    String message =
        assertRefused(KEYSTORE, config(KEYSTORE, keystore.toString(), PASSWORD, "wrong-pass"));
    assertFalse(message.contains("wrong-pass") || message.contains("right-pass"), message);
    assertRefused(PASSWORD, config(KEYSTORE, keystore.toString()));
  }

  @Test
  void aKeystoreWithoutAnAesKeyUnderTheAliasIsRefused() throws Exception {
    Path keystore = keystore(random(32), "pass", "another-alias");
    assertRefused(
        "session.key-encryption-key.alias",
        config(KEYSTORE, keystore.toString(), PASSWORD, "pass"));
  }

  @Test
  void contradictorySettingsAreRefusedNamingTheKey() throws Exception {
    Path file = Files.writeString(folder.resolve("kek"), b64(random(32)));
    assertRefused(FILE, config(FILE, file.toString(), KEYSTORE, file.toString()));
    assertRefused(
        "session.previous-key-encryption-key",
        config("session.previous-key-encryption-key.file", file.toString()));
  }

  private static String assertRefused(String key, Config source) {
    InvalidConfigException refused =
        assertThrows(
            InvalidConfigException.class, () -> SessionConfigProducer.readKeyEncryption(source));
    assertTrue(refused.getMessage().contains("'" + key), refused.getMessage());
    return refused.getMessage();
  }

  private Path keystore(byte[] key, String password, String alias) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setEntry(
        alias,
        new KeyStore.SecretKeyEntry(new SecretKeySpec(key, "AES")),
        new KeyStore.PasswordProtection(password.toCharArray()));
    Path path = folder.resolve(alias + ".p12");
    try (OutputStream out = Files.newOutputStream(path)) {
      store.store(out, password.toCharArray());
    }
    return path;
  }

  private static Config config(String... settings) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < settings.length; i += 2) {
      values.put(settings[i], settings[i + 1]);
    }
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(values, "test", 100))
        .build();
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
