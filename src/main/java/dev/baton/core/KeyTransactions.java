package dev.baton.core;

import dev.baton.config.BatonClock;
import dev.baton.config.SessionConfig;
import dev.baton.persistence.KeyRepository;
import dev.baton.persistence.KeyringEntity;
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
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import java.util.logging.Logger;
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

  private static final Logger LOG = Logger.getLogger(KeyTransactions.class.getName());

  @Inject KeyRepository keys;
  @Inject KeyWrapping wrapping;
  @Inject SessionConfig config;
  @Inject @BatonClock Clock clock;

  /**
   * Makes sure signing keys and refresh-token keys exist from now until {@link #publishAhead()}
   * from now, then reads all keys. A key that starts later than now is created here, so that it is
   * in every server's memory, and JWKS, before its first token (security review L2); only when no
   * key of a kind works now at all (an empty database, or no server running for a whole rotation)
   * does a new key start at once.
   *
   * <p>First the key rows are brought under the configured key-encryption key ({@link
   * #adoptKeyEncryption}); when they cannot be, nothing is created.
   *
   * @return the keys
   * @throws KeyEncryptionException when the key rows are wrapped with a key this server lacks
   */
  @Transactional(TxType.REQUIRES_NEW)
  KeyMaterial ensureKeys() {
    Instant now = clock.instant();
    KeyringEntity keyring = keys.lockKeyring();
    adoptKeyEncryption(keyring);
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
    return readKeys(keyring, now);
  }

  /**
   * Wraps every key row under the configured key-encryption key: rows in clear when one is
   * configured now, rows under the previous one when a new one replaced it (the re-wrap). All of it
   * happens in this transaction, under the keyring lock, so the rows are never half re-wrapped.
   * Rows that are wrapped while no key-encryption key is configured, or wrapped with one this
   * server was not given, are refused: keys are never silently stored in clear again, nor created
   * over keys that cannot be read.
   */
  private void adoptKeyEncryption(KeyringEntity keyring) {
    String wrappedWith = keyring.keyEncryptionKeyId();
    String configured = wrapping.currentId().orElse(null);
    if (Objects.equals(wrappedWith, configured)) {
      return;
    }
    if (configured == null) {
      throw wrapping.refusal(wrappedWith);
    }
    List<SigningKeyEntity> signing = keys.usableKeys(Long.MIN_VALUE);
    for (SigningKeyEntity row : signing) {
      row.privateKey(wrapping.rewrap(rowId(row), row.privateKey(), wrappedWith));
    }
    List<RefreshKeyEntity> refresh = keys.usableRefreshKeys(Long.MIN_VALUE);
    for (RefreshKeyEntity row : refresh) {
      row.secret(wrapping.rewrap(rowId(row), row.secret(), wrappedWith));
    }
    keyring.keyEncryptionKeyId(configured);
    int count = signing.size() + refresh.size();
    LOG.info(
        () ->
            "Wrapped "
                + count
                + " keys under the key-encryption key '"
                + configured
                + "'"
                + (wrappedWith == null
                    ? " (they were stored in clear)"
                    : " (re-wrapped from '" + wrappedWith + "')"));
  }

  /**
   * Reads the keys without creating any.
   *
   * @return the keys
   */
  @Transactional(TxType.REQUIRES_NEW)
  KeyMaterial readKeys() {
    return readKeys(keys.keyring(), clock.instant());
  }

  private KeyMaterial readKeys(KeyringEntity keyring, Instant now) {
    String wrappedWith = keyring.keyEncryptionKeyId();
    return new KeyMaterial(
        usableSigningRows(now).stream().map(row -> toSigningKey(row, wrappedWith)).toList(),
        usableRefreshRows(now).stream().map(row -> toRefreshKey(row, wrappedWith)).toList(),
        now);
  }

  /**
   * Whether the key rows are wrapped with the configured key-encryption key (or stored in clear
   * when none is configured); for the start-up warning.
   *
   * @return the id of the key that wraps them, or empty when they are in clear
   */
  @Transactional(TxType.REQUIRES_NEW)
  Optional<String> keyEncryptionKeyId() {
    return Optional.ofNullable(keys.keyring().keyEncryptionKeyId());
  }

  private static String rowId(SigningKeyEntity row) {
    return "baton_signing_key/" + row.kid();
  }

  private static String rowId(RefreshKeyEntity row) {
    return "baton_refresh_key/" + row.version();
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
    String kid =
        Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.randomBytes(KID_BYTES));
    SigningKeyEntity key =
        new SigningKeyEntity(
            kid,
            ALGORITHM,
            Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
            wrapping.store("baton_signing_key/" + kid, pair.getPrivate().getEncoded()),
            now.toEpochMilli(),
            signFrom,
            signFrom + config.signingKeyRotation().toMillis());
    keys.insert(key);
    return key.signUntil();
  }

  private long insertRefreshKey(Instant now, long sealFrom) {
    // Under the keyring lock, and the query sees this transaction's earlier inserts.
    int version = keys.newestRefreshKeyVersion() + 1;
    RefreshKeyEntity key =
        new RefreshKeyEntity(
            version,
            wrapping.store("baton_refresh_key/" + version, Secrets.randomBytes(AES_BYTES)),
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

  private KeyMaterial.SigningKey toSigningKey(SigningKeyEntity row, String wrappedWith) {
    byte[] privateKey = wrapping.read(rowId(row), row.privateKey(), wrappedWith);
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      return new KeyMaterial.SigningKey(
          row.kid(),
          (RSAPublicKey)
              rsa.generatePublic(
                  new X509EncodedKeySpec(Base64.getDecoder().decode(row.publicKey()))),
          rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)),
          Instant.ofEpochMilli(row.signFrom()),
          Instant.ofEpochMilli(row.signUntil()));
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("signing key " + row.kid() + " cannot be decoded", e);
    }
  }

  private KeyMaterial.RefreshKey toRefreshKey(RefreshKeyEntity row, String wrappedWith) {
    return new KeyMaterial.RefreshKey(
        row.version(),
        new SecretKeySpec(wrapping.read(rowId(row), row.secret(), wrappedWith), "AES"),
        Instant.ofEpochMilli(row.sealFrom()),
        Instant.ofEpochMilli(row.sealUntil()));
  }
}
