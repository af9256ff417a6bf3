package dev.baton.core;

import dev.baton.config.BatonClock;
import dev.baton.config.SessionConfig;
import dev.baton.persistence.KeyRepository;
import dev.baton.persistence.KeyringEntity;
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
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads keys from the database and creates the missing ones, each call in its own transaction
 * ({@code REQUIRES_NEW}): a key this server signs with must be in the database for every other
 * server, whatever becomes of a caller's transaction, and the keyring lock is held only while a key
 * is created.
 *
 * <p>Creation happens with the keyring row locked, so servers that start or rotate at the same
 * moment create exactly one key between them: the second one to get the lock finds the first's.
 */
@ApplicationScoped
class KeyTransactions {

  private static final String ALGORITHM = "RS256";
  private static final int RSA_BITS = 2048;
  private static final int KID_BYTES = 12;

  /** The key ids that new signing keys get: 12 random bytes in base64url. */
  static final Pattern ISSUED_KID = Pattern.compile("[A-Za-z0-9_-]{" + KID_BYTES * 4 / 3 + "}");

  @Inject KeyRepository keys;
  @Inject SessionConfig config;
  @Inject @BatonClock Clock clock;

  /**
   * Makes sure a refresh-token key exists, and signing keys from now until {@link #publishAhead()}
   * from now, then reads all keys. A key that signs later than now is created here, so that it is
   * in every server's JWKS before it signs (security review L2); only when no key signs now at all
   * (an empty database, or no server running for a whole rotation) does a new key sign at once.
   *
   * @return the keys
   */
  @Transactional(TxType.REQUIRES_NEW)
  KeyMaterial ensureKeys() {
    Instant now = clock.instant();
    KeyringEntity keyring = keys.lockKeyring();
    if (keyring.refreshTokenKey() == null) {
      keyring.refreshTokenKey(Base64.getEncoder().encodeToString(Secrets.randomBytes(32)));
    }
    List<SigningKeyEntity> rows = usableRows(now);
    long nowMillis = now.toEpochMilli();
    long signedUntil = rows.stream().mapToLong(SigningKeyEntity::signUntil).max().orElse(0);
    if (rows.stream().noneMatch(k -> k.signFrom() <= nowMillis && nowMillis < k.signUntil())) {
      signedUntil = insert(newSigningKey(now, now));
    }
    long horizon = now.plus(publishAhead()).toEpochMilli();
    while (signedUntil < horizon) {
      signedUntil = insert(newSigningKey(now, Instant.ofEpochMilli(signedUntil)));
    }
    return toMaterial(keyring, usableRows(now), now);
  }

  /**
   * How long before it signs a key is created. A verifier that caches the JWKS for {@link
   * KeyRing#JWKS_MAX_AGE}, on a clock up to the allowed skew apart, then holds the key before the
   * first token it signs arrives, whichever server it fetched the JWKS from: the key is created at
   * some server's maintenance run, and every server re-reads the keys at its own, hence two {@link
   * KeyRing#MAINTENANCE_INTERVAL}s.
   *
   * @return the lead time
   */
  Duration publishAhead() {
    return KeyRing.JWKS_MAX_AGE
        .plus(config.accessTokenClockSkew())
        .plus(KeyRing.MAINTENANCE_INTERVAL.multipliedBy(2));
  }

  /**
   * Reads the keys without creating any.
   *
   * @return the keys
   */
  @Transactional(TxType.REQUIRES_NEW)
  KeyMaterial readKeys() {
    Instant now = clock.instant();
    return toMaterial(keys.keyring(), usableRows(now), now);
  }

  /** Reads the keyring row: the cheapest proof that the database answers. */
  @Transactional(TxType.REQUIRES_NEW)
  void ping() {
    keys.keyring();
  }

  /**
   * Deletes keys that no unexpired token can name any more.
   *
   * @return how many were deleted
   */
  @Transactional(TxType.REQUIRES_NEW)
  int deleteRetiredKeys() {
    return keys.deleteRetired(clock.instant().minus(config.signingKeyRetention()).toEpochMilli());
  }

  private List<SigningKeyEntity> usableRows(Instant now) {
    return keys.usableKeys(now.minus(config.signingKeyRetention()).toEpochMilli());
  }

  /** Stores a key and answers until when it signs. */
  private long insert(SigningKeyEntity key) {
    keys.insert(key);
    return key.signUntil();
  }

  private SigningKeyEntity newSigningKey(Instant now, Instant signFrom) {
    KeyPair pair = generateRsaKeyPair();
    Base64.Encoder base64 = Base64.getEncoder();
    return new SigningKeyEntity(
        Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.randomBytes(KID_BYTES)),
        ALGORITHM,
        base64.encodeToString(pair.getPublic().getEncoded()),
        base64.encodeToString(pair.getPrivate().getEncoded()),
        now.toEpochMilli(),
        signFrom.toEpochMilli(),
        signFrom.plus(config.signingKeyRotation()).toEpochMilli());
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

  private static KeyMaterial toMaterial(
      KeyringEntity keyring, List<SigningKeyEntity> rows, Instant now) {
    if (keyring.refreshTokenKey() == null) {
      throw new IllegalStateException("no refresh-token key yet: ensureKeys() was never run");
    }
    byte[] aes = Base64.getDecoder().decode(keyring.refreshTokenKey());
    return new KeyMaterial(
        rows.stream().map(KeyTransactions::toSigningKey).toList(),
        new SecretKeySpec(aes, "AES"),
        now);
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
}
