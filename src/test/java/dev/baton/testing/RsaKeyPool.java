package dev.baton.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyPairGeneratorSpi;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * RSA-2048 key pairs for test JVMs, made once on this machine and reused by later test JVMs.
 *
 * <p>Every test server makes at least one RSA key at start, and making one costs about a tenth of a
 * CPU-second: a quarter of the CPU of the engine's suites went there. Installed as the first
 * security provider, this pool answers {@code KeyPairGenerator.getInstance("RSA")} with pairs the
 * JDK's own generator made, in the same order in every JVM: within one JVM no pair is handed out
 * twice, so the servers and the attackers of one run never share a key, as with fresh keys. Pairs
 * are kept in {@code target/test-rsa-keys.bin} (never outside the build directory), which the build
 * fills before the tests ({@link #main}); a JVM that needs more makes them and adds them when it
 * ends. Any other key size or exponent goes to the JDK's generator.
 */
public final class RsaKeyPool {

  private static final int BITS = 2048;
  private static final Path FILE = Path.of("target", "test-rsa-keys.bin");
  private static final List<KeyPair> PAIRS = new ArrayList<>();
  private static int loaded;
  private static int handedOut;

  private RsaKeyPool() {}

  /** Puts the pool in front of the JDK's RSA generator in this JVM; a second call does nothing. */
  public static synchronized void install() {
    if (Security.getProvider(PoolProvider.NAME) == null) {
      PAIRS.addAll(read());
      loaded = PAIRS.size();
      Security.insertProviderAt(new PoolProvider(), 1);
    }
  }

  /** Adds the pairs this JVM made to the file, unless another JVM already wrote as many. */
  public static synchronized void save() {
    if (PAIRS.size() <= loaded) {
      return;
    }
    underFileLock(
        () -> {
          if (count() < PAIRS.size()) {
            write(PAIRS);
          }
        });
  }

  /**
   * Makes sure the file holds at least as many pairs as the argument says, making the missing ones
   * on every core. The build runs this once before the tests (exec-maven-plugin, test-rsa-keys) in
   * a JVM of its own with the optimising compiler: the test JVMs run on the client compiler alone,
   * where making a pair costs about 0.6 CPU-seconds instead of 0.1.
   *
   * @param args the number of pairs
   */
  public static void main(String[] args) {
    int wanted = Integer.parseInt(args[0]);
    underFileLock(
        () -> {
          List<KeyPair> pairs = read();
          if (pairs.size() < wanted) {
            pairs.addAll(
                IntStream.range(pairs.size(), wanted)
                    .parallel()
                    .mapToObj(i -> jdkGenerator().generateKeyPair())
                    .toList());
            write(pairs);
          }
        });
  }

  /** Work on the file that no other JVM may do at the same time. */
  private interface FileWork {
    void run() throws IOException;
  }

  private static void underFileLock(FileWork work) {
    try {
      Files.createDirectories(FILE.getParent());
      Path lockFile = FILE.resolveSibling(FILE.getFileName() + ".lock");
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        work.run();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not keep the test RSA keys", e);
    }
  }

  /** Replaces the file at once, so that a JVM reading it sees the old pairs or all the new. */
  private static void write(List<KeyPair> pairs) throws IOException {
    Path temporary = Files.createTempFile(FILE.getParent(), "test-rsa-keys", ".tmp");
    try (OutputStream out = Files.newOutputStream(temporary);
        DataOutputStream data = new DataOutputStream(out)) {
      data.writeInt(pairs.size());
      for (KeyPair pair : pairs) {
        byte[] encoded = pair.getPrivate().getEncoded();
        data.writeInt(encoded.length);
        data.write(encoded);
      }
    }
    Files.move(temporary, FILE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static synchronized KeyPair next() {
    if (handedOut == PAIRS.size()) {
      PAIRS.add(jdkGenerator().generateKeyPair());
    }
    return PAIRS.get(handedOut++);
  }

  private static KeyPairGenerator jdkGenerator() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
      generator.initialize(BITS);
      return generator;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's RSA generator is missing", e);
    }
  }

  private static int count() throws IOException {
    if (!Files.exists(FILE)) {
      return 0;
    }
    try (InputStream in = Files.newInputStream(FILE);
        DataInputStream data = new DataInputStream(in)) {
      return data.readInt();
    }
  }

  private static List<KeyPair> read() {
    List<KeyPair> pairs = new ArrayList<>();
    if (!Files.exists(FILE)) {
      return pairs;
    }
    try (InputStream in = Files.newInputStream(FILE);
        DataInputStream data = new DataInputStream(in)) {
      KeyFactory rsa = KeyFactory.getInstance("RSA", "SunRsaSign");
      int count = data.readInt();
      for (int i = 0; i < count; i++) {
        byte[] encoded = new byte[data.readInt()];
        data.readFully(encoded);
        RSAPrivateCrtKey key =
            (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(encoded));
        RSAPublicKeySpec publicKey =
            new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent());
        pairs.add(new KeyPair(rsa.generatePublic(publicKey), key));
      }
      return pairs;
    } catch (IOException | GeneralSecurityException e) {
      // A damaged file costs only time: the keys are made again.
      return new ArrayList<>();
    }
  }

  /** The provider that puts {@link PooledGenerator} first for "RSA". */
  private static final class PoolProvider extends Provider {

    private static final long serialVersionUID = 1L;
    static final String NAME = "BatonTestRsaKeyPool";

    PoolProvider() {
      super(NAME, "1", "RSA-2048 key pairs reused across test JVMs");
      putService(
          new Service(
              this, "KeyPairGenerator", "RSA", PooledGenerator.class.getName(), null, null) {
            @Override
            public Object newInstance(Object parameter) {
              return new PooledGenerator();
            }
          });
    }
  }

  /** Hands out pooled pairs for RSA-2048 with the usual exponent, and fresh ones otherwise. */
  private static final class PooledGenerator extends KeyPairGeneratorSpi {

    private KeyPairGenerator other;

    @Override
    public void initialize(int keysize, SecureRandom random) {
      other = null;
      if (keysize != BITS) {
        other = jdkGenerator();
        other.initialize(keysize, random);
      }
    }

    @Override
    public void initialize(AlgorithmParameterSpec params, SecureRandom random)
        throws InvalidAlgorithmParameterException {
      other = null;
      if (!(params instanceof RSAKeyGenParameterSpec rsa
          && rsa.getKeysize() == BITS
          && RSAKeyGenParameterSpec.F4.equals(rsa.getPublicExponent()))) {
        other = jdkGenerator();
        other.initialize(params, random);
      }
    }

    @Override
    public KeyPair generateKeyPair() {
      return other != null ? other.generateKeyPair() : next();
    }
  }
}
