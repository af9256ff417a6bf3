package dev.baton.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;

/**
 * The unit issue 13 measures a refresh's CPU in: one JDK RSA-2048 {@code SHA256withRSA} signature
 * of an access-token-sized input, on one thread, after a warm-up. {@code java -cp
 * target/test-classes dev.baton.bench.SignatureCost}.
 */
public final class SignatureCost {

  private SignatureCost() {}

  public static void main(String[] args) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    byte[] input = new byte[600];
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(keys.getPrivate());
    for (int i = 0; i < 2_000; i++) {
      signature.update(input);
      signature.sign();
    }
    int rounds = 4_000;
    long started = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      input[0] = (byte) i;
      signature.update(input);
      signature.sign();
    }
    double millis = (System.nanoTime() - started) / 1e6 / rounds;
    System.out.printf("RSA-2048 SHA256withRSA sign, one thread: %.3f ms%n", millis);
  }
}
