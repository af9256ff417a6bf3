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
 * @param signingKeys keys that sign access tokens, will sign, or still verify; the one that signs
 *     longest first
 * @param refreshKeys keys that seal refresh tokens, will seal, or still open; the one that seals
 *     longest first
 * @param loadedAt when this snapshot was read
 */
record KeyMaterial(List<SigningKey> signingKeys, List<RefreshKey> refreshKeys, Instant loadedAt) {

  /** A key that is used to make new tokens from one time until another, and is created before. */
  interface Windowed {

    /**
     * When the key starts making tokens.
     *
     * @return the start of its window
     */
    Instant from();

    /**
     * When the key stops making tokens (it still reads them for a while).
     *
     * @return the end of its window
     */
    Instant until();

    /**
     * Whether the key makes tokens at a time.
     *
     * @param time the time
     * @return whether its window holds the time
     */
    default boolean usableAt(Instant time) {
      return !time.isBefore(from()) && time.isBefore(until());
    }
  }

  /**
   * One RS256 key pair.
   *
   * @param kid its id in token headers and the JWKS
   * @param publicKey verifies
   * @param privateKey signs
   * @param from it signs from this time on (it is published earlier)
   * @param until after this it only verifies
   */
  record SigningKey(
      String kid, RSAPublicKey publicKey, PrivateKey privateKey, Instant from, Instant until)
      implements Windowed {

    @Override
    public String toString() {
      return "SigningKey[kid=" + kid + ", from=" + from + ", until=" + until + "]";
    }
  }

  /**
   * One AES-256 key that seals refresh tokens.
   *
   * @param version the number a token names it by
   * @param key the key
   * @param from it seals from this time on (every server knows it earlier)
   * @param until after this it only opens
   */
  record RefreshKey(int version, SecretKey key, Instant from, Instant until) implements Windowed {

    @Override
    public String toString() {
      return "RefreshKey[version=" + version + ", from=" + from + ", until=" + until + "]";
    }
  }

  /**
   * The key that signs access tokens at a time.
   *
   * @param now the current time
   * @return the key, or empty when no key's window holds {@code now}
   */
  Optional<SigningKey> signingKeyAt(Instant now) {
    return usableAt(signingKeys, now);
  }

  /**
   * The key that seals refresh tokens at a time.
   *
   * @param now the current time
   * @return the key, or empty when no key's window holds {@code now}
   */
  Optional<RefreshKey> sealingKeyAt(Instant now) {
    return usableAt(refreshKeys, now);
  }

  /** Of the keys whose window holds the time, the one that lasts longest (they come first). */
  private static <K extends Windowed> Optional<K> usableAt(List<K> keys, Instant now) {
    return keys.stream().filter(k -> k.usableAt(now)).findFirst();
  }

  /**
   * Whether keys of both kinds make tokens now and already exist to make them until the horizon, so
   * that none has to be created for that long.
   *
   * @param now the current time
   * @param horizon how far ahead keys must exist
   * @return false when a key must be created
   */
  boolean coversUntil(Instant now, Instant horizon) {
    return covers(signingKeys, now, horizon) && covers(refreshKeys, now, horizon);
  }

  private static boolean covers(List<? extends Windowed> keys, Instant now, Instant horizon) {
    return usableAt(keys, now).isPresent()
        && keys.stream().anyMatch(k -> !k.until().isBefore(horizon));
  }

  /**
   * The signing key with the given id.
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

  /**
   * The refresh-token key of a version.
   *
   * @param version the version a token names
   * @return the key, or empty
   */
  Optional<RefreshKey> refreshKey(int version) {
    for (RefreshKey key : refreshKeys) {
      if (key.version() == version) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /**
   * The highest refresh-token key version in this snapshot.
   *
   * @return the version, or 0 when there is none
   */
  int newestRefreshKeyVersion() {
    return refreshKeys.stream().mapToInt(RefreshKey::version).max().orElse(0);
  }

  @Override
  public String toString() {
    return "KeyMaterial[signingKeys="
        + signingKeys
        + ", refreshKeys="
        + refreshKeys
        + ", loadedAt="
        + loadedAt
        + "]";
  }
}
