package dev.baton.bench;

import dev.baton.testing.Jwts;
import dev.baton.testing.TestBaton;
import jakarta.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.PublicKey;

/** Reads Baton's current public key the way an outside verifier would: from the JWKS. */
final class PublicKeys {

  private PublicKeys() {}

  static PublicKey of(TestBaton baton) {
    JsonObject jwk =
        baton.bean(dev.baton.core.KeyRing.class).jwks().getJsonArray("keys").getJsonObject(0);
    try {
      return Jwts.publicKey(jwk);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
