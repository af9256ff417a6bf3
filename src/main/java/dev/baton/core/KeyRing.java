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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.SecretKey;

/**
 * The keys in memory, so that verifying a token never reads the database.
 *
 * <p>A token signed with a key this server has not seen yet (another server rotated) makes it
 * re-read the keys. The re-read is a single flight outside any lock the signing path takes, at most
 * once per {@link #RELOAD_INTERVAL}, and once per back-off while the database fails: meanwhile an
 * unknown key id is answered at once (try refresh, or unavailable while the database is failing),
 * so random key ids cannot turn into database load or held threads, even during an outage.
 *
 * <p>Every {@link #MAINTENANCE_INTERVAL} each server re-reads the keys and creates the next signing
 * or refresh-token key when it is due ({@link #maintain()}), so a key is in every server's memory,
 * and JWKS, before its first token. When no key of a kind works now at all, the next token creates
 * one.
 */
@ApplicationScoped
public class KeyRing {

  static final Duration RELOAD_INTERVAL = Duration.ofSeconds(1);

  /** How long a verifier may cache the JWKS document ({@code Cache-Control: max-age}). */
  public static final Duration JWKS_MAX_AGE = Duration.ofSeconds(60);

  /** How often each server re-reads the keys and creates those that are due. */
  public static final Duration MAINTENANCE_INTERVAL = Duration.ofSeconds(30);

  private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());

  /** The longest wait between re-reads while the database keeps failing. */
  static final Duration MAX_RELOAD_BACKOFF = Duration.ofSeconds(30);

  @Inject KeyTransactions transactions;
  @Inject @BatonClock Clock clock;

  private volatile KeyMaterial material;

  /** Held by the one thread that re-reads the keys for an unknown key id; never waited for. */
  private final ReentrantLock reloading = new ReentrantLock();

  /**
   * No re-read for an unknown key id before this; moved on by every load that succeeds or fails.
   */
  private volatile Instant nextReload = Instant.MIN;

  /** Re-reads that failed in a row. */
  private final AtomicInteger failedReloads = new AtomicInteger();

  /** Loads the keys, creating the first ones on an empty database. Called at start-up. */
  public void load() {
    replace(transactions.ensureKeys());
  }

  /**
   * Whether the keys are stored in clear: no key-encryption key wraps them.
   *
   * @return true when they are in clear
   */
  boolean storedInClear() {
    return StoreFaults.translate(transactions::keyEncryptionKeyId).isEmpty();
  }

  /** Re-reads the keys, picking up keys that other servers created. */
  public void reload() {
    replace(transactions.readKeys());
  }

  /**
   * Re-reads the keys and creates those that are due, so that each is published for {@link
   * KeyTransactions#publishAhead()} before it signs or seals. The scheduled maintenance runs this
   * on every server; the keyring row is locked only when a key is due.
   */
  void maintain() {
    KeyMaterial read = StoreFaults.translate(transactions::readKeys);
    Instant now = clock.instant();
    if (!read.coversUntil(now, now.plus(transactions.publishAhead()))) {
      read = StoreFaults.translate(transactions::ensureKeys);
    }
    replace(read);
  }

  private void replace(KeyMaterial loaded) {
    material = loaded;
    failedReloads.set(0);
    nextReload = loaded.loadedAt().plus(RELOAD_INTERVAL);
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
   * The key to sign access tokens with now; it is created first when no key's window holds now.
   *
   * @return the current signing key
   */
  KeyMaterial.SigningKey signingKey() {
    Instant now = clock.instant();
    return usableNow(keys -> keys.signingKeyAt(now));
  }

  /**
   * The key to seal refresh tokens with now; it is created first when no key's window holds now.
   *
   * @return the current refresh-token key
   */
  KeyMaterial.RefreshKey sealingKey() {
    Instant now = clock.instant();
    return usableNow(keys -> keys.sealingKeyAt(now));
  }

  private <K> K usableNow(Function<KeyMaterial, Optional<K>> pick) {
    Optional<K> key = pick.apply(current());
    if (key.isPresent()) {
      return key.get();
    }
    synchronized (this) {
      KeyMaterial latest = current();
      if (pick.apply(latest).isEmpty()) {
        latest = StoreFaults.translate(transactions::ensureKeys);
        material = latest;
      }
      return pick.apply(latest).orElseThrow();
    }
  }

  /**
   * The public key a token names, if it is one of ours and still verifies.
   *
   * @param kid the token's key id
   * @return the key, or empty
   */
  Optional<RSAPublicKey> verificationKey(String kid) {
    return find(keys -> keys.byKid(kid), known -> KeyTransactions.ISSUED_KID.matcher(kid).matches())
        .map(KeyMaterial.SigningKey::publicKey);
  }

  /**
   * The refresh-token key a token names, if it still opens tokens. A version newer than any known
   * here may be another server's new key: the keys are re-read as for an unknown key id.
   *
   * @param version the version the token names
   * @return the key, or empty
   */
  Optional<SecretKey> refreshKey(int version) {
    return find(
            keys -> keys.refreshKey(version), known -> version > known.newestRefreshKeyVersion())
        .map(KeyMaterial.RefreshKey::key);
  }

  /**
   * Looks a key up in memory and, when it is missing but may be new, re-reads the keys.
   *
   * @param lookup finds the key in a snapshot
   * @param mayBeNew whether a key missing from a snapshot may have been created since
   */
  private <K> Optional<K> find(
      Function<KeyMaterial, Optional<K>> lookup, Predicate<KeyMaterial> mayBeNew) {
    KeyMaterial known = current();
    Optional<K> key = lookup.apply(known);
    if (key.isEmpty() && mayBeNew.test(known)) {
      key = reloadedFor(lookup, known);
    }
    return key;
  }

  /**
   * Whether a key still verifies, without reading the database: a verified token whose key has gone
   * (retired, or deleted after a compromise) is no longer accepted from memory.
   *
   * @param kid the key id
   * @return true while the key is in the ring
   */
  boolean stillVerifies(String kid) {
    return current().byKid(kid).isPresent();
  }

  /**
   * Re-reads the keys for an unknown key id, unless another thread is doing so or the last re-read
   * was too recent: then the answer comes at once, from memory.
   */
  private <K> Optional<K> reloadedFor(
      Function<KeyMaterial, Optional<K>> lookup, KeyMaterial known) {
    if (clock.instant().isBefore(nextReload) || !reloading.tryLock()) {
      return answerWithoutReload(lookup);
    }
    try {
      // Identity, not equality: has another thread replaced the keys we read meanwhile?
      @SuppressWarnings("ReferenceEquality")
      boolean replaced = material != known;
      if (replaced || clock.instant().isBefore(nextReload)) {
        return answerWithoutReload(lookup);
      }
      KeyMaterial reloaded;
      try {
        // Once: a retry would hold this thread longer while the database is away.
        reloaded = StoreFaults.translateOnce(transactions::readKeys);
      } catch (SessionStoreUnavailableException e) {
        nextReload = clock.instant().plus(backoff(failedReloads.incrementAndGet()));
        throw e;
      }
      replace(reloaded);
      return lookup.apply(reloaded);
    } finally {
      reloading.unlock();
    }
  }

  /**
   * The keys in memory are all there is for now. While the database is failing the token may well
   * be valid, so that is a 503, never a 401; otherwise the key is unknown and the client refreshes.
   */
  private <K> Optional<K> answerWithoutReload(Function<KeyMaterial, Optional<K>> lookup) {
    Optional<K> key = lookup.apply(current());
    if (key.isEmpty() && failedReloads.get() > 0) {
      throw new SessionStoreUnavailableException(
          new IllegalStateException("the keys cannot be re-read: the database is failing"));
    }
    return key;
  }

  /** Whether a thread is re-reading the keys for an unknown key id now; for tests. */
  boolean reloadInFlight() {
    return reloading.isLocked();
  }

  /** The ids of the keys in memory, without re-reading anything; for tests. */
  List<String> knownKids() {
    return current().signingKeys().stream().map(KeyMaterial.SigningKey::kid).sorted().toList();
  }

  /** How many re-reads for unknown key ids failed in a row; for tests. */
  int failedReloads() {
    return failedReloads.get();
  }

  /** 1, 2, 4 ... seconds, at most {@link #MAX_RELOAD_BACKOFF}. */
  private static Duration backoff(int failures) {
    Duration wait = RELOAD_INTERVAL.multipliedBy(1L << Math.min(failures - 1, 30));
    return wait.compareTo(MAX_RELOAD_BACKOFF) > 0 ? MAX_RELOAD_BACKOFF : wait;
  }

  /**
   * The public keys as a JSON Web Key Set (RFC 7517 section 5), for services that verify Baton's
   * access tokens themselves: the keys that sign now or still verify, and those that will sign
   * next. Never older than {@link #JWKS_MAX_AGE}: where no scheduled maintenance runs (a plain CDI
   * container), a stale set is re-read first, by one thread at a time; if that fails, the set in
   * memory is served.
   *
   * @return the JWKS document
   */
  public JsonObject jwks() {
    if (clock.instant().isAfter(current().loadedAt().plus(JWKS_MAX_AGE)) && reloading.tryLock()) {
      try {
        maintain();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Serving the JWKS in memory: the keys could not be re-read", e);
      } finally {
        reloading.unlock();
      }
    }
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
