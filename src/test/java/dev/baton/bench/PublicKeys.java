package dev.baton.bench;

import dev.baton.testing.TestBaton;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Reads Baton's current public key the way an outside verifier would: from the JWKS. */
final class PublicKeys {

  private PublicKeys() {}

  static PublicKey of(TestBaton baton) {
    JsonObject jwk = baton.bean(dev.baton.core.KeyRing.class).jwks()
        .getJsonArray("keys").getJsonObject(0);
    Base64.Decoder base64 = Base64.getUrlDecoder();
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
          new BigInteger(1, base64.decode(jwk.getString("n"))),
          new BigInteger(1, base64.decode(jwk.getString("e")))));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
