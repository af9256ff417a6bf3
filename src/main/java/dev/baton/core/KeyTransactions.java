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
   * Makes sure a refresh-token key and a signing key usable now exist, then reads all keys.
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
    if (rows.isEmpty() || rows.get(0).signUntil() <= now.toEpochMilli()) {
      keys.insert(newSigningKey(now));
      rows = usableRows(now);
    }
    return toMaterial(keyring, rows, now);
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

  private SigningKeyEntity newSigningKey(Instant now) {
    KeyPair pair = generateRsaKeyPair();
    Base64.Encoder base64 = Base64.getEncoder();
    return new SigningKeyEntity(
        Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.randomBytes(KID_BYTES)),
        ALGORITHM,
        base64.encodeToString(pair.getPublic().getEncoded()),
        base64.encodeToString(pair.getPrivate().getEncoded()),
        now.toEpochMilli(),
        now.plus(config.signingKeyRotation()).toEpochMilli());
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
          Instant.ofEpochMilli(row.signUntil()));
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("signing key " + row.kid() + " cannot be decoded", e);
    }
  }
}
