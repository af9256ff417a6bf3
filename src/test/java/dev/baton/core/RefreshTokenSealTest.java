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
 * The refresh-token seal is bound to its purpose: AES-GCM with Baton's associated data, so a
 * ciphertext made with the same key for anything else never opens as a refresh token.
 */
@BatonTest
class RefreshTokenSealTest {

  private final TestBaton baton;

  RefreshTokenSealTest(TestBaton baton) {
    this.baton = baton;
  }

  @Test
  void onlyASealWithBatonsAssociatedDataOpens() throws Exception {
    RefreshTokenCodec codec = baton.bean(RefreshTokenCodec.class);
    String handle = UUID.randomUUID().toString();
    byte[] plain = firstTokenContent(handle);

    assertEquals(
        handle,
        codec.open(sealed(plain, "baton-refresh-v1")).orElseThrow().sessionHandle(),
        "the same seal as Baton's opens");
    assertTrue(codec.open(sealed(plain, null)).isEmpty(), "no associated data");
    assertTrue(codec.open(sealed(plain, "something-else")).isEmpty(), "other associated data");
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

  private String sealed(byte[] plain, String associatedData) throws Exception {
    byte[] iv = Secrets.randomBytes(12);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.ENCRYPT_MODE,
        baton.bean(KeyRing.class).refreshTokenKey(),
        new GCMParameterSpec(128, iv));
    if (associatedData != null) {
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
    }
    byte[] sealed = cipher.doFinal(plain);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
  }
}
