package dev.baton.core;

import dev.baton.api.exception.TryRefreshTokenException;
import dev.baton.config.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Verifies access tokens against the keys in memory, without touching the database.
 *
 * <p>It uses jose4j (the library under smallrye-jwt) directly: smallrye-jwt's parser reads the
 * system clock and takes one key, while Baton needs an injected {@link Clock} and a key chosen by
 * {@code kid} among its own.
 */
@ApplicationScoped
class AccessTokenVerifier {

  /** Far above any token Baton issues; longer input is refused before it is parsed. */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;

  /** Header parameters that would let a token choose its own key (RFC 8725 section 3.10). */
  private static final List<String> KEY_NAMING_HEADERS = List.of("jku", "jwk", "x5u", "x5c", "crit");

  /** RS256 only: no {@code none}, no HMAC with the public key as secret (RFC 8725 section 3.1). */
  private static final AlgorithmConstraints RS256_ONLY = new AlgorithmConstraints(
      AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256);

  @Inject KeyRing keyRing;
  @Inject SessionConfig config;
  @Inject Clock clock;

  /**
   * Verifies a token and reads its claims.
   *
   * @param token the compact JWS, not null
   * @param acceptExpired whether an expired but genuine token is acceptable
   * @return the claims
   * @throws TryRefreshTokenException if the token is malformed, not ours, or expired
   */
  AccessTokenClaims verify(String token, boolean acceptExpired) {
    JsonObject claims = verifiedClaims(token);
    AccessTokenClaims parsed = parse(claims);
    Instant deadline = parsed.expiresAt().plus(config.accessTokenClockSkew());
    if (!acceptExpired && !clock.instant().isBefore(deadline)) {
      throw new TryRefreshTokenException("access token expired");
    }
    return parsed;
  }

  private JsonObject verifiedClaims(String token) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new TryRefreshTokenException("access token too long");
    }
    try {
      JsonWebSignature jws = new JsonWebSignature();
      jws.setAlgorithmConstraints(RS256_ONLY);
      jws.setCompactSerialization(token);
      for (String header : KEY_NAMING_HEADERS) {
        if (jws.getHeaders().getObjectHeaderValue(header) != null) {
          throw new TryRefreshTokenException("access token header '" + header + "' is not allowed");
        }
      }
      String kid = jws.getKeyIdHeaderValue();
      RSAPublicKey key = kid == null ? null : keyRing.verificationKey(kid).orElse(null);
      if (key == null) {
        throw new TryRefreshTokenException("access token signed with an unknown key");
      }
      jws.setKey(key);
      if (!jws.verifySignature()) {
        throw new TryRefreshTokenException("access token signature is invalid");
      }
      // Verified just above; getPayload() would verify a second time.
      return Json.createReader(new StringReader(jws.getUnverifiedPayload())).readObject();
    } catch (JoseException | JsonException | IllegalStateException | ClassCastException e) {
      throw new TryRefreshTokenException("access token is malformed");
    }
  }

  private AccessTokenClaims parse(JsonObject claims) {
    if (!config.issuer().equals(string(claims, ClaimNames.ISSUER))) {
      throw new TryRefreshTokenException("access token has another issuer");
    }
    String userId = string(claims, ClaimNames.SUBJECT);
    String handle = string(claims, ClaimNames.SESSION_HANDLE);
    String hash1 = string(claims, ClaimNames.REFRESH_TOKEN_HASH1);
    if (userId == null || handle == null || hash1 == null) {
      throw new TryRefreshTokenException("access token lacks session claims");
    }
    return new AccessTokenClaims(
        handle,
        userId,
        hash1,
        string(claims, ClaimNames.PARENT_REFRESH_TOKEN_HASH1),
        string(claims, ClaimNames.ANTI_CSRF_TOKEN),
        payloadOf(claims),
        Instant.ofEpochSecond(seconds(claims, ClaimNames.ISSUED_AT)),
        Instant.ofEpochSecond(seconds(claims, ClaimNames.EXPIRES)));
  }

  private static JsonObject payloadOf(JsonObject claims) {
    JsonObjectBuilder payload = Json.createObjectBuilder();
    for (Map.Entry<String, JsonValue> claim : claims.entrySet()) {
      if (!ClaimNames.RESERVED.contains(claim.getKey())) {
        payload.add(claim.getKey(), claim.getValue());
      }
    }
    return payload.build();
  }

  private static String string(JsonObject claims, String name) {
    JsonValue value = claims.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString text) {
      return text.getString();
    }
    throw new TryRefreshTokenException("access token claim '" + name + "' has the wrong type");
  }

  private static long seconds(JsonObject claims, String name) {
    if (claims.get(name) instanceof JsonNumber number && number.isIntegral()) {
      return number.longValue();
    }
    throw new TryRefreshTokenException("access token claim '" + name + "' is missing or not a time");
  }
}
