package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.api.SessionTokens;
import dev.baton.api.exception.SessionStoreUnavailableException;
import dev.baton.testing.LogCapture;
import dev.baton.testing.MutableClock;
import dev.baton.testing.TestBaton;
import dev.baton.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security review M4: the private signing keys and the refresh-token keys are stored wrapped with a
 * key-encryption key from configuration, re-wrapped under a new one in one restart, and a server
 * that cannot open them refuses to start without creating keys over them.
 */
class KeyEncryptionTest {

  private static final String KEK_FILE = "session.key-encryption-key.file";
  private static final String PREVIOUS_KEK_FILE = "session.previous-key-encryption-key.file";

  @TempDir Path folder;
  private TestDatabase database;
  private MutableClock clock;
  private Path first;
  private Path second;

  @BeforeEach
  void createDatabaseAndKeys() throws IOException {
    database = TestDatabase.create();
    clock = new MutableClock(TestBaton.START);
    first = kekFile("first.key");
    second = kekFile("second.key");
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  @Test
  void keysAreStoredWrappedAndSessionsWork() throws Exception {
    try (TestBaton baton = server(KEK_FILE, first.toString())) {
      SessionTokens tokens = baton.sessions().createNewSession("alice", null, null);
      baton.sessions().getSession(tokens.accessToken().value(), null, false);
      baton.refresh(tokens);

      assertEquals(KeyWrapping.idOf(kek(first)), keyringId());
      String stored = column("SELECT private_key FROM baton_signing_key");
      assertThrows(
          Exception.class,
          () ->
              KeyFactory.getInstance("RSA")
                  .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored))),
          "not a PKCS#8 key in clear");
      byte[] sealingKey = baton.bean(KeyRing.class).sealingKey().key().getEncoded();
      assertFalse(
          column("SELECT secret FROM baton_refresh_key")
              .equals(Base64.getEncoder().encodeToString(sealingKey)),
          "not the AES key in clear");
    }
  }

  @Test
  void aWrappedKeyCopiedIntoAnotherRowDoesNotOpen() throws Exception {
    try (TestBaton baton = server(KEK_FILE, first.toString())) {
      clock.advance(Duration.ofDays(7).minusSeconds(30));
      baton.bean(KeyRing.class).maintain(); // creates the second refresh key
      assertEquals(2L, database.count("SELECT COUNT(*) FROM baton_refresh_key"));
      baton.bean(KeyTransactions.class).readKeys();
      database.execute(
          "UPDATE baton_refresh_key SET secret = (SELECT secret FROM baton_refresh_key"
              + " WHERE version = 1) WHERE version = 2");
      assertThrows(
          KeyEncryptionException.class, () -> baton.bean(KeyTransactions.class).readKeys());
    }
  }

  @Test
  void keysInClearAreWrappedWhenAKeyEncryptionKeyIsConfigured() throws Exception {
    SessionTokens tokens;
    try (TestBaton plain = server()) {
      tokens = plain.sessions().createNewSession("alice", null, null);
    }
    String clearPrivateKey = column("SELECT private_key FROM baton_signing_key");

    try (TestBaton wrapped = server(KEK_FILE, first.toString())) {
      assertEquals(KeyWrapping.idOf(kek(first)), keyringId());
      assertNotEquals(clearPrivateKey, column("SELECT private_key FROM baton_signing_key"));
      wrapped.sessions().getSession(tokens.accessToken().value(), null, false);
      wrapped.refresh(tokens);
    }
  }

  @Test
  void reWrappingUnderANewKeyKeepsEverySessionAlive() throws Exception {
    SessionTokens tokens;
    try (TestBaton baton = server(KEK_FILE, first.toString())) {
      tokens = baton.sessions().createNewSession("alice", null, null);
    }

    try (TestBaton rewrapping =
        server(KEK_FILE, second.toString(), PREVIOUS_KEK_FILE, first.toString())) {
      assertEquals(KeyWrapping.idOf(kek(second)), keyringId());
      tokens = rewrapping.refresh(tokens);
    }
    try (TestBaton afterwards = server(KEK_FILE, second.toString())) {
      afterwards.sessions().getSession(tokens.accessToken().value(), null, false);
      afterwards.refresh(tokens);
    }
    String refusal = refusedStart(KEK_FILE, first.toString());
    assertTrue(refusal.contains("session.key-encryption-key"), refusal);
  }

  @Test
  void withoutItsKeyEncryptionKeyAServerRefusesToStartAndCreatesNoKeys() throws Exception {
    try (TestBaton baton = server(KEK_FILE, first.toString())) {
      baton.sessions().createNewSession("alice", null, null);
    }
    List<String> keysBefore = keyRows();
    clock.advance(Duration.ofDays(30)); // every key is due for rotation

    String none = refusedStart();
    String wrong = refusedStart(KEK_FILE, second.toString());

    assertTrue(none.contains("no session.key-encryption-key is configured"), none);
    assertTrue(none.contains(KeyWrapping.idOf(kek(first))), "names the key they need: " + none);
    assertTrue(wrong.contains(KeyWrapping.idOf(kek(second))), wrong);
    assertEquals(keysBefore, keyRows(), "no key created, changed or stored in clear");
  }

  @Test
  void aServerThatCannotOpenKeysAnotherServerReWrappedAnswers503() throws Exception {
    try (TestBaton old = server(KEK_FILE, first.toString())) {
      try (TestBaton upgraded =
          server(KEK_FILE, second.toString(), PREVIOUS_KEK_FILE, first.toString())) {
        clock.advance(Duration.ofDays(7));
        SessionTokens fromNewKey = upgraded.sessions().createNewSession("alice", null, null);
        clock.advance(KeyRing.RELOAD_INTERVAL);

        assertThrows(
            SessionStoreUnavailableException.class,
            () -> old.sessions().getSession(fromNewKey.accessToken().value(), null, false));
      }
    }
  }

  @Test
  void aPkcs12KeystoreServesAsTheKeyEncryptionKey() throws Exception {
    Path keystore = folder.resolve("kek.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = "changeit".toCharArray();
    store.setEntry(
        "baton-kek",
        new KeyStore.SecretKeyEntry(kek(first)),
        new KeyStore.PasswordProtection(password));
    try (OutputStream out = Files.newOutputStream(keystore)) {
      store.store(out, password);
    }

    try (TestBaton baton =
        server(
            "session.key-encryption-key.keystore",
            keystore.toString(),
            "session.key-encryption-key.keystore-password",
            "changeit")) {
      baton.sessions().createNewSession("alice", null, null);
      assertEquals(KeyWrapping.idOf(kek(first)), keyringId(), "the same key as in the file");
    }
  }

  @Test
  void keysInClearAreWarnedAboutAtStartAndWrappedOnesAreNot() {
    try (LogCapture log = LogCapture.of(BatonStartup.class.getName())) {
      server().close();
      assertTrue(warnings(log).stream().anyMatch(m -> m.contains("stored in clear")), "warned");
    }
    try (LogCapture log = LogCapture.of(BatonStartup.class.getName())) {
      server(KEK_FILE, first.toString()).close();
      assertTrue(warnings(log).stream().noneMatch(m -> m.contains("stored in clear")));
      assertTrue(log.messages().stream().noneMatch(m -> m.contains("refuses")), "started");
    }
  }

  private static List<String> warnings(LogCapture log) {
    return log.records().stream()
        .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
        .map(r -> r.getMessage())
        .toList();
  }

  private TestBaton server(String... settings) {
    TestBaton.Builder builder = TestBaton.builder().database(database).clock(clock);
    for (int i = 0; i < settings.length; i += 2) {
      builder.config(settings[i], settings[i + 1]);
    }
    return builder.start();
  }

  /** Starts a server that must refuse; answers the refusal's message. */
  private String refusedStart(String... settings) {
    RuntimeException refused = assertThrows(RuntimeException.class, () -> server(settings));
    for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
      if (cause instanceof KeyEncryptionException) {
        return cause.getMessage();
      }
    }
    throw new AssertionError("not refused for its key-encryption key", refused);
  }

  private Path kekFile(String name) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, Base64.getEncoder().encodeToString(Secrets.randomBytes(32)) + "\n");
    return file;
  }

  private static SecretKeySpec kek(Path file) throws IOException {
    return new SecretKeySpec(Base64.getDecoder().decode(Files.readString(file).strip()), "AES");
  }

  private String keyringId() {
    return column("SELECT key_encryption_key_id FROM baton_keyring");
  }

  private List<String> keyRows() {
    return database.strings(
        "SELECT kid || private_key FROM baton_signing_key UNION ALL"
            + " SELECT CAST(version AS VARCHAR(10)) || secret FROM baton_refresh_key");
  }

  private String column(String query) {
    return database.strings(query).get(0);
  }
}
