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
 * @param signingKeys keys that still verify or will sign, the one that signs longest first
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
   * @param signFrom it signs from this time on (it is published earlier)
   * @param signUntil after this it only verifies
   */
  record SigningKey(
      String kid,
      RSAPublicKey publicKey,
      PrivateKey privateKey,
      Instant signFrom,
      Instant signUntil) {

    boolean signsAt(Instant time) {
      return !time.isBefore(signFrom) && time.isBefore(signUntil);
    }

    @Override
    public String toString() {
      return "SigningKey[kid=" + kid + ", signFrom=" + signFrom + ", signUntil=" + signUntil + "]";
    }
  }

  /**
   * The key that signs at the given time: of those whose window holds it, the one that signs
   * longest.
   *
   * @param now the current time
   * @return the key to sign with, or empty when no key's window holds {@code now}
   */
  Optional<SigningKey> signingKeyAt(Instant now) {
    return signingKeys.stream().filter(k -> k.signsAt(now)).findFirst();
  }

  /**
   * Whether a key signs now and keys already exist to sign until the horizon, so that none has to
   * be created for that long.
   *
   * @param now the current time
   * @param horizon how far ahead keys must exist
   * @return false when a key must be created
   */
  boolean signsUntil(Instant now, Instant horizon) {
    return signingKeyAt(now).isPresent()
        && signingKeys.stream().anyMatch(k -> !k.signUntil().isBefore(horizon));
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
