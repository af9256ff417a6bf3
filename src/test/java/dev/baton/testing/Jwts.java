package dev.baton.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * Reads a JWT's parts without verifying it, to assert on what Baton put there, and checks its
 * signature with a JSON Web Key the way an outside verifier would.
 */
public final class Jwts {

  private Jwts() {}

  public static JsonObject header(String jwt) {
    return part(jwt, 0);
  }

  public static JsonObject claims(String jwt) {
    return part(jwt, 1);
  }

  /** Re-encodes a JSON object as a base64url JWT part. */
  public static String encode(JsonObject json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The RSA public key of a JWK (RFC 7518 section 6.3.1: unsigned big-endian, base64url).
   *
   * @param jwk one key of a JWKS
   * @return the key
   */
  public static PublicKey publicKey(JsonObject jwk) throws GeneralSecurityException {
    Base64.Decoder base64 = Base64.getUrlDecoder();
    return KeyFactory.getInstance("RSA")
        .generatePublic(
            new RSAPublicKeySpec(
                new BigInteger(1, base64.decode(jwk.getString("n"))),
                new BigInteger(1, base64.decode(jwk.getString("e")))));
  }

  /**
   * Whether a JWT's RS256 signature verifies with a key.
   *
   * @param jwt the token
   * @param key the public key
   * @return true when it does
   */
  public static boolean verifies(String jwt, PublicKey key) throws GeneralSecurityException {
    int lastDot = jwt.lastIndexOf('.');
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(key);
    rs256.update(jwt.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
    return rs256.verify(Base64.getUrlDecoder().decode(jwt.substring(lastDot + 1)));
  }

  private static JsonObject part(String jwt, int index) {
    String json =
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(json)).readObject();
  }
}
