package dev.baton.core;

import dev.baton.api.exception.TryRefreshTokenException;
import dev.baton.config.BatonClock;
import dev.baton.config.SessionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies access tokens against the keys in memory, without touching the database.
 *
 * <p>It checks the RS256 signature with the JDK's {@link Signature} rather than a JWT library's
 * parser: smallrye-jwt's parser reads the system clock and takes one key, while Baton needs an
 * injected {@link Clock} and a key chosen by {@code kid} among its own; and jose4j's own base64 and
 * JSON parsing made verification cost 1.3 times the bare signature check (BENCHMARKS.md).
 */
@ApplicationScoped
class AccessTokenVerifier {

  /** Far above any token Baton issues; longer input is refused before it is parsed. */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;

  /** Header parameters that would let a token choose its own key (RFC 8725 section 3.10). */
  private static final List<String> KEY_NAMING_HEADERS =
      List.of("jku", "jwk", "x5u", "x5c", "crit");

  /** RS256 only: no {@code none}, no HMAC with the public key as secret (RFC 8725 section 3.1). */
  private static final String RS256 = "RS256";

  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  @Inject KeyRing keyRing;
  @Inject VerifiedTokenCache cache;
  @Inject SessionConfig config;
  @Inject @BatonClock Clock clock;

  /**
   * Verifies a token and reads its claims.
   *
   * @param token the compact JWS, not null
   * @param acceptExpired whether an expired but genuine token is acceptable
   * @return the claims
   * @throws TryRefreshTokenException if the token is malformed, not ours, or expired
   */
  AccessTokenClaims verify(String token, boolean acceptExpired) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new TryRefreshTokenException("access token too long");
    }
    // Signature and claims are checked once per token; a cache hit only checks expiry.
    AccessTokenClaims claims = cache.verified(token, this::verifyUncached);
    Instant deadline = claims.expiresAt().plus(config.accessTokenClockSkew());
    if (!acceptExpired && !clock.instant().isBefore(deadline)) {
      throw new TryRefreshTokenException("access token expired");
    }
    return claims;
  }

  /**
   * Refuses a token that lives longer than the validity plus the skew (and the second that JWT's
   * whole seconds may add): Baton never issues one, so it comes from a key in other hands or a
   * server with another configuration.
   */
  private AccessTokenClaims withBatonsLifetime(AccessTokenClaims claims) {
    Duration longest =
        config.accessTokenValidity().plus(config.accessTokenClockSkew()).plusSeconds(1);
    if (Duration.between(claims.issuedAt(), claims.expiresAt()).compareTo(longest) > 0) {
      throw new TryRefreshTokenException("access token lives longer than the configured validity");
    }
    return claims;
  }

  /**
   * Checks a compact JWS (RFC 7515 section 7.1) with the JDK's RSA: exactly three parts, signed
   * with the key the header chose among ours, and only then the claims are read.
   */
  private VerifiedTokenCache.Entry verifyUncached(String token) {
    int headerEnd = token.indexOf('.');
    int payloadEnd = token.indexOf('.', headerEnd + 1);
    if (headerEnd <= 0
        || payloadEnd <= headerEnd + 1
        || payloadEnd == token.length() - 1
        || token.indexOf('.', payloadEnd + 1) >= 0) {
      throw new TryRefreshTokenException("access token is malformed");
    }
    try {
      JsonObject header = JsonSupport.parse(decode(token.substring(0, headerEnd)));
      RSAPublicKey key = keyFor(header);
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(key);
      rs256.update(token.getBytes(StandardCharsets.US_ASCII), 0, payloadEnd);
      if (!rs256.verify(BASE64URL.decode(token.substring(payloadEnd + 1)))) {
        throw new TryRefreshTokenException("access token signature is invalid");
      }
      JsonObject claims = JsonSupport.parse(decode(token.substring(headerEnd + 1, payloadEnd)));
      return new VerifiedTokenCache.Entry(
          header.getString("kid"), withBatonsLifetime(parse(claims)));
    } catch (IllegalArgumentException | JsonException | GeneralSecurityException e) {
      throw new TryRefreshTokenException("access token is malformed");
    }
  }

  /** The key is chosen by Baton, never by the token (RFC 8725 sections 3.1 and 3.10). */
  private RSAPublicKey keyFor(JsonObject header) {
    if (!RS256.equals(header.getString("alg", null))) {
      throw new TryRefreshTokenException("access token algorithm is not RS256");
    }
    for (String name : KEY_NAMING_HEADERS) {
      if (header.containsKey(name)) {
        throw new TryRefreshTokenException("access token header '" + name + "' is not allowed");
      }
    }
    String kid = header.getString("kid", null);
    return (kid == null ? Optional.<RSAPublicKey>empty() : keyRing.verificationKey(kid))
        .orElseThrow(() -> new TryRefreshTokenException("access token signed with an unknown key"));
  }

  private static String decode(String base64url) {
    return new String(BASE64URL.decode(base64url), StandardCharsets.UTF_8);
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
        Instant.ofEpochSecond(seconds(claims, ClaimNames.EXPIRES)),
        // A token from before Baton wrote this claim is refreshed, never taken as fresh.
        Instant.ofEpochSecond(seconds(claims, ClaimNames.AUTH_TIME)));
  }

  private static JsonObject payloadOf(JsonObject claims) {
    JsonObjectBuilder payload = JsonSupport.builder();
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
    throw new TryRefreshTokenException(
        "access token claim '" + name + "' is missing or not a time");
  }
}
