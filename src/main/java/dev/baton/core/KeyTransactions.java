package dev.baton.core;

import dev.baton.config.BatonClock;
import dev.baton.config.SessionConfig;
import dev.baton.persistence.KeyRepository;
import dev.baton.persistence.RefreshKeyEntity;
import dev.baton.persistence.SigningKeyEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads keys from the database and creates the missing ones, each call in its own transaction
 * ({@code REQUIRES_NEW}): a key this server signs or seals with must be in the database for every
 * other server, whatever becomes of a caller's transaction, and the keyring lock is held only while
 * keys are created.
 *
 * <p>Creation happens with the keyring row locked, so servers that start or rotate at the same
 * moment create exactly one key per window between them: the second one to get the lock finds the
 * first's.
 */
@ApplicationScoped
class KeyTransactions {

  private static final String ALGORITHM = "RS256";
  private static final int RSA_BITS = 2048;
  private static final int AES_BYTES = 32;
  private static final int KID_BYTES = 12;

  /** The key ids that new signing keys get: 12 random bytes in base64url. */
  static final Pattern ISSUED_KID = Pattern.compile("[A-Za-z0-9_-]{" + KID_BYTES * 4 / 3 + "}");

  @Inject KeyRepository keys;
  @Inject SessionConfig config;
  @Inject @BatonClock Clock clock;

  /**
   * Makes sure signing keys and refresh-token keys exist from now until {@link #publishAhead()}
   * from now, then reads all keys. A key that starts later than now is created here, so that it is
   * in every server's memory, and JWKS, before its first token (security review L2); only when no
   * key of a kind works now at all (an empty database, or no server running for a whole rotation)
   * does a new key start at once.
   *
   * @return the keys
   */
  @Transactional(TxType.REQUIRES_NEW)
  KeyMaterial ensureKeys() {
    Instant now = clock.instant();
    keys.lockKeyring();
    long horizon = now.plus(publishAhead()).toEpochMilli();
    List<SigningKeyEntity> signing = usableSigningRows(now);
    fill(
        now.toEpochMilli(),
        horizon,
        signing.stream().map(k -> new Window(k.signFrom(), k.signUntil())).toList(),
        from -> insertSigningKey(now, from));
    List<RefreshKeyEntity> refresh = usableRefreshRows(now);
    fill(
        now.toEpochMilli(),
        horizon,
        refresh.stream().map(k -> new Window(k.sealFrom(), k.sealUntil())).toList(),
        from -> insertRefreshKey(now, from));
    return readKeys(now);
  }

  /**
   * Reads the keys without creating any.
   *
   * @return the keys
   */
  @Transactional(TxType.REQUIRES_NEW)
  KeyMaterial readKeys() {
    return readKeys(clock.instant());
  }

  private KeyMaterial readKeys(Instant now) {
    return new KeyMaterial(
        usableSigningRows(now).stream().map(KeyTransactions::toSigningKey).toList(),
        usableRefreshRows(now).stream().map(KeyTransactions::toRefreshKey).toList(),
        now);
  }

  /**
   * How long before it starts a key is created. A verifier that caches the JWKS for {@link
   * KeyRing#JWKS_MAX_AGE}, on a clock up to the allowed skew apart, then holds the key before the
   * first token it signs arrives, whichever server it fetched the JWKS from: the key is created at
   * some server's maintenance run, and every server re-reads the keys at its own, hence two {@link
   * KeyRing#MAINTENANCE_INTERVAL}s. Refresh-token keys get the same lead, so that every server can
   * open a token from the moment the first one is sealed.
   *
   * @return the lead time
   */
  Duration publishAhead() {
    return KeyRing.JWKS_MAX_AGE
        .plus(config.accessTokenClockSkew())
        .plus(KeyRing.MAINTENANCE_INTERVAL.multipliedBy(2));
  }

  /** Reads the keyring row: the cheapest proof that the database answers. */
  @Transactional(TxType.REQUIRES_NEW)
  void ping() {
    keys.keyring();
  }

  /**
   * Deletes keys that no live token can name any more.
   *
   * @return how many were deleted
   */
  @Transactional(TxType.REQUIRES_NEW)
  int deleteRetiredKeys() {
    Instant now = clock.instant();
    return keys.deleteRetired(now.minus(config.signingKeyRetention()).toEpochMilli())
        + keys.deleteRetiredRefreshKeys(
            now.minus(config.refreshTokenKeyRetention()).toEpochMilli());
  }

  private List<SigningKeyEntity> usableSigningRows(Instant now) {
    return keys.usableKeys(now.minus(config.signingKeyRetention()).toEpochMilli());
  }

  private List<RefreshKeyEntity> usableRefreshRows(Instant now) {
    return keys.usableRefreshKeys(now.minus(config.refreshTokenKeyRetention()).toEpochMilli());
  }

  /** When a key starts and stops making tokens, in epoch milliseconds. */
  private record Window(long from, long until) {}

  /**
   * Creates keys until one works now and they reach the horizon, each starting when the previous
   * one stops.
   *
   * @param create stores a key that starts at the given time and answers when it stops
   */
  private static void fill(long now, long horizon, List<Window> windows, LongUnaryOperator create) {
    long until = windows.stream().mapToLong(Window::until).max().orElse(0);
    if (windows.stream().noneMatch(w -> w.from() <= now && now < w.until())) {
      until = create.applyAsLong(now);
    }
    while (until < horizon) {
      until = create.applyAsLong(until);
    }
  }

  private long insertSigningKey(Instant now, long signFrom) {
    KeyPair pair = generateRsaKeyPair();
    Base64.Encoder base64 = Base64.getEncoder();
    SigningKeyEntity key =
        new SigningKeyEntity(
            Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.randomBytes(KID_BYTES)),
            ALGORITHM,
            base64.encodeToString(pair.getPublic().getEncoded()),
            base64.encodeToString(pair.getPrivate().getEncoded()),
            now.toEpochMilli(),
            signFrom,
            signFrom + config.signingKeyRotation().toMillis());
    keys.insert(key);
    return key.signUntil();
  }

  private long insertRefreshKey(Instant now, long sealFrom) {
    RefreshKeyEntity key =
        new RefreshKeyEntity(
            // Under the keyring lock, and the query sees this transaction's earlier inserts.
            keys.newestRefreshKeyVersion() + 1,
            Base64.getEncoder().encodeToString(Secrets.randomBytes(AES_BYTES)),
            now.toEpochMilli(),
            sealFrom,
            sealFrom + config.refreshTokenKeyRotation().toMillis());
    keys.insert(key);
    return key.sealUntil();
  }

  private static KeyPair generateRsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(RSA_BITS);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has RSA", e);
    }
  }

  private static KeyMaterial.SigningKey toSigningKey(SigningKeyEntity row) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      Base64.Decoder base64 = Base64.getDecoder();
      return new KeyMaterial.SigningKey(
          row.kid(),
          (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(base64.decode(row.publicKey()))),
          rsa.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(row.privateKey()))),
          Instant.ofEpochMilli(row.signFrom()),
          Instant.ofEpochMilli(row.signUntil()));
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("signing key " + row.kid() + " cannot be decoded", e);
    }
  }

  private static KeyMaterial.RefreshKey toRefreshKey(RefreshKeyEntity row) {
    return new KeyMaterial.RefreshKey(
        row.version(),
        new SecretKeySpec(Base64.getDecoder().decode(row.secret()), "AES"),
        Instant.ofEpochMilli(row.sealFrom()),
        Instant.ofEpochMilli(row.sealUntil()));
  }
}
