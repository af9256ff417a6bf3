package dev.baton.core;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * An immutable snapshot of the keys read from the database.
 *
 * @param signingKeys keys that still verify, newest first
 * @param refreshTokenKey the AES key that seals refresh tokens
 * @param loadedAt when this snapshot was read
 */
record KeyMaterial(List<SigningKey> signingKeys, SecretKey refreshTokenKey, Instant loadedAt) {

  /**
   * One RS256 key pair.
   *
   * @param kid its id in token headers and the JWKS
   * @param publicKey verifies
   * @param privateKey signs
   * @param signUntil after this it only verifies
   */
  record SigningKey(String kid, RSAPublicKey publicKey, PrivateKey privateKey, Instant signUntil) {

    @Override
    public String toString() {
      return "SigningKey[kid=" + kid + ", signUntil=" + signUntil + "]";
    }
  }

  /**
   * The newest key, if it may still sign at the given time.
   *
   * @param now the current time
   * @return the key to sign with
   */
  Optional<SigningKey> signingKeyAt(Instant now) {
    return signingKeys.stream().filter(k -> now.isBefore(k.signUntil())).findFirst();
  }

  /**
   * The key with the given id.
   *
   * @param kid a key id from a token header
   * @return the key, or empty
   */
  Optional<SigningKey> byKid(String kid) {
    for (SigningKey key : signingKeys) {
      if (key.kid().equals(kid)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "KeyMaterial[signingKeys=" + signingKeys + ", loadedAt=" + loadedAt + "]";
  }
}
