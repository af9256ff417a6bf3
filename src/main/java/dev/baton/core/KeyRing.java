package dev.baton.core;

import dev.baton.api.exception.SessionStoreUnavailableException;
import dev.baton.config.BatonClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * The keys in memory, so that verifying a token never reads the database.
 *
 * <p>A token signed with a key this server has not seen yet (another server rotated) makes it
 * re-read the keys, at most once per {@link #RELOAD_INTERVAL} so that random key ids cannot turn
 * into database load. When the signing key's time is up, the next token rotates it.
 */
@ApplicationScoped
public class KeyRing {

  static final Duration RELOAD_INTERVAL = Duration.ofSeconds(1);

  @Inject KeyTransactions transactions;
  @Inject @BatonClock Clock clock;

  private volatile KeyMaterial material;

  /** Loads the keys, creating the first ones on an empty database. Called at start-up. */
  public void load() {
    material = transactions.ensureKeys();
  }

  /** Re-reads the keys, picking up keys that other servers created. */
  public void reload() {
    material = transactions.readKeys();
  }

  /**
   * Whether the keys have been loaded (start-up succeeded).
   *
   * @return true once {@link #load()} has run
   */
  public boolean isLoaded() {
    return material != null;
  }

  /**
   * Whether the database answers a read of the keyring, for health checks.
   *
   * @return false on any database fault
   */
  public boolean databaseAnswers() {
    try {
      transactions.ping();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The key to sign with now, rotating it first if its time is up.
   *
   * @return the current signing key
   */
  KeyMaterial.SigningKey signingKey() {
    Instant now = clock.instant();
    Optional<KeyMaterial.SigningKey> current = current().signingKeyAt(now);
    if (current.isPresent()) {
      return current.get();
    }
    synchronized (this) {
      KeyMaterial rotated = current();
      if (rotated.signingKeyAt(now).isEmpty()) {
        rotated = StoreFaults.translate(transactions::ensureKeys);
        material = rotated;
      }
      return rotated.signingKeyAt(now).orElseThrow();
    }
  }

  /**
   * The public key a token names, if it is one of ours and still verifies.
   *
   * @param kid the token's key id
   * @return the key, or empty
   */
  Optional<RSAPublicKey> verificationKey(String kid) {
    KeyMaterial known = current();
    Optional<KeyMaterial.SigningKey> key = known.byKid(kid);
    if (key.isEmpty() && clock.instant().isAfter(known.loadedAt().plus(RELOAD_INTERVAL))) {
      synchronized (this) {
        // Identity, not equality: has another thread replaced the keys we read meanwhile?
        @SuppressWarnings("ReferenceEquality")
        boolean unchanged = material == known;
        if (unchanged) {
          // During an outage this is a 503: the token may well be valid.
          material = StoreFaults.translate(transactions::readKeys);
        }
        key = material.byKid(kid);
      }
    }
    return key.map(KeyMaterial.SigningKey::publicKey);
  }

  /**
   * The AES key that seals refresh tokens.
   *
   * @return the key
   */
  SecretKey refreshTokenKey() {
    return current().refreshTokenKey();
  }

  /**
   * The public keys as a JSON Web Key Set (RFC 7517 section 5), for services that verify Baton's
   * access tokens themselves.
   *
   * @return the JWKS document
   */
  public JsonObject jwks() {
    JsonArrayBuilder keys = JsonSupport.arrayBuilder();
    for (KeyMaterial.SigningKey key : current().signingKeys()) {
      RSAPublicKey rsa = key.publicKey();
      keys.add(
          JsonSupport.builder()
              .add("kty", "RSA")
              .add("kid", key.kid())
              .add("use", "sig")
              .add("alg", "RS256")
              .add("n", base64Url(rsa.getModulus()))
              .add("e", base64Url(rsa.getPublicExponent())));
    }
    return JsonSupport.builder().add("keys", keys).build();
  }

  private KeyMaterial current() {
    KeyMaterial known = material;
    if (known == null) {
      // Start-up has not reached the database yet (see BatonStartup): a 503, never a 401.
      throw new SessionStoreUnavailableException(
          new IllegalStateException("Baton's keys are not loaded yet"));
    }
    return known;
  }

  /** RFC 7518 section 6.3.1: unsigned big-endian, no leading zero byte, base64url. */
  private static String base64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    byte[] unsigned = Arrays.copyOfRange(bytes, skip, bytes.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
  }
}
