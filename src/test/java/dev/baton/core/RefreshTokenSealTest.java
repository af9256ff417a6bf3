package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.BatonTest;
import dev.baton.testing.TestBaton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;

/**
 * The refresh-token seal is bound to its purpose and to its header: AES-GCM with Baton's associated
 * data and the token's format and key version, so a ciphertext made with the same key for anything
 * else, or a token whose header was changed, never opens as a refresh token.
 */
@BatonTest
class RefreshTokenSealTest {

  private static final String PURPOSE = "baton-refresh-v2";

  private final TestBaton baton;

  RefreshTokenSealTest(TestBaton baton) {
    this.baton = baton;
  }

  @Test
  void onlyASealWithBatonsAssociatedDataAndItsOwnHeaderOpens() throws Exception {
    RefreshTokenCodec codec = baton.bean(RefreshTokenCodec.class);
    KeyMaterial.RefreshKey key = baton.bean(KeyRing.class).sealingKey();
    String handle = UUID.randomUUID().toString();
    byte[] plain = firstTokenContent(handle);
    byte[] header = header((byte) 2, key.version());

    assertEquals(
        handle,
        codec.open(sealed(key, header, header, plain, PURPOSE)).orElseThrow().sessionHandle(),
        "the same seal as Baton's opens");
    assertTrue(codec.open(sealed(key, header, header, plain, null)).isEmpty(), "no purpose");
    assertTrue(
        codec.open(sealed(key, header, header, plain, "something-else")).isEmpty(),
        "another purpose");
    assertTrue(
        codec.open(sealed(key, header, new byte[0], plain, PURPOSE)).isEmpty(),
        "the header left out of the associated data");
    byte[] otherFormat = header((byte) 1, key.version());
    assertTrue(
        codec.open(sealed(key, otherFormat, otherFormat, plain, PURPOSE)).isEmpty(),
        "another format");
  }

  @Test
  void aTokenWhoseKeyVersionWasChangedDoesNotOpen() {
    RefreshTokenCodec codec = baton.bean(RefreshTokenCodec.class);
    String token = baton.sessions().createNewSession("alice", null, null).refreshToken().value();
    byte[] raw = Base64.getUrlDecoder().decode(token);
    assertTrue(codec.open(token).isPresent());

    raw[4] ^= 1; // the last byte of the key version
    assertTrue(codec.open(Base64.getUrlEncoder().withoutPadding().encodeToString(raw)).isEmpty());
  }

  /** Version 1, no parent, no anti-CSRF token: the handle and a 16-byte nonce. */
  private static byte[] firstTokenContent(String handle) {
    UUID uuid = UUID.fromString(handle);
    return ByteBuffer.allocate(2 + 16 + 16)
        .put((byte) 1)
        .put((byte) 0)
        .putLong(uuid.getMostSignificantBits())
        .putLong(uuid.getLeastSignificantBits())
        .put(new byte[16])
        .array();
  }

  private static byte[] header(byte format, int keyVersion) {
    return ByteBuffer.allocate(5).put(format).putInt(keyVersion).array();
  }

  /** A token with the given header, sealed with the given associated data. */
  private static String sealed(
      KeyMaterial.RefreshKey key, byte[] header, byte[] headerData, byte[] plain, String purpose)
      throws Exception {
    byte[] iv = Secrets.randomBytes(12);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(128, iv));
    if (purpose != null) {
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      cipher.updateAAD(headerData);
    }
    byte[] sealed = cipher.doFinal(plain);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            ByteBuffer.allocate(header.length + 12 + sealed.length)
                .put(header)
                .put(iv)
                .put(sealed)
                .array());
  }
}
