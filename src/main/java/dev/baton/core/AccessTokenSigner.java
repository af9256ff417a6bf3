package dev.baton.core;

import dev.baton.api.IssuedToken;
import dev.baton.api.exception.InvalidSessionInputException;
import dev.baton.config.SessionConfig;
import dev.baton.config.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Signs access tokens with the current RS256 key, using jose4j, the JOSE library under
 * smallrye-jwt.
 *
 * <p>Not smallrye-jwt's builder: it applies the application's {@code smallrye.jwt.new-token.*}
 * settings to every token it signs (an issuer that overrides Baton's, an audience, a {@code jti}),
 * and Baton's tokens must say exactly what Baton wrote whatever the host application configures.
 */
@ApplicationScoped
class AccessTokenSigner {

  @Inject KeyRing keyRing;
  @Inject SessionConfig config;
  @Inject WebConfig web;

  /** What every browser keeps of one cookie, name and attributes included (RFC 6265 6.1). */
  static final int COOKIE_LIMIT_BYTES = 4096;

  /**
   * The most that the parent-hash claim, {@code ,"<name>":"<64 hex>"}, adds to a token in
   * base64url: four characters per three bytes, plus one for the regrouping.
   */
  static final int PARENT_CLAIM_ALLOWANCE =
      ((",\"" + ClaimNames.PARENT_REFRESH_TOKEN_HASH1 + "\":\"\"").length() + 64 + 2) / 3 * 4 + 1;

  /**
   * Refuses claims the application chose (at login or in a payload update) when a token of this
   * session could not travel in its cookie: a browser drops an oversized cookie without a word. The
   * check assumes the parent-hash claim that the tokens after a refresh carry, so a session
   * accepted here never meets the limit at a refresh.
   *
   * @param token a token signed with those claims
   * @param hasParent whether it already carries the parent-hash claim
   * @throws InvalidSessionInputException naming the sizes
   */
  void requireCookieFits(IssuedToken token, boolean hasParent) {
    int longest = token.value().length() + (hasParent ? 0 : PARENT_CLAIM_ALLOWANCE);
    int limit = cookieValueLimit();
    if (longest > limit) {
      throw new InvalidSessionInputException(
          "the access token would be up to "
              + longest
              + " bytes, over the "
              + limit
              + " its cookie can carry within "
              + COOKIE_LIMIT_BYTES
              + " bytes with its name and attributes: make the access-token payload smaller");
    }
  }

  /** The longest access token whose cookie fits {@link #COOKIE_LIMIT_BYTES}. */
  int cookieValueLimit() {
    // "sAccessToken=" and the attributes at their longest:
    // ;Version=1;Path=/;Max-Age=2147483647;Expires=Thu, 01 Jan 1970 00:00:00 GMT;Secure;
    // HttpOnly;SameSite=Strict, rounded up to 160, plus ";Domain=" and the domain.
    int domain = web.cookieDomain().map(d -> ";Domain=".length() + d.length()).orElse(0);
    return COOKIE_LIMIT_BYTES - "sAccessToken=".length() - 160 - domain;
  }

  /**
   * Signs the claims.
   *
   * @param claims what the token says
   * @return the compact JWS and its expiry
   */
  IssuedToken sign(AccessTokenClaims claims) {
    JsonObjectBuilder json =
        JsonSupport.builder(claims.payload())
            .add(ClaimNames.SUBJECT, claims.userId())
            .add(ClaimNames.USER_PRINCIPAL_NAME, claims.userId())
            .add(ClaimNames.TOKEN_ID, Secrets.newTokenId())
            .add(ClaimNames.ISSUED_AT, claims.issuedAt().getEpochSecond())
            .add(ClaimNames.EXPIRES, claims.expiresAt().getEpochSecond())
            .add(ClaimNames.AUTH_TIME, claims.authTime().getEpochSecond())
            .add(ClaimNames.ISSUER, config.issuer())
            .add(ClaimNames.SESSION_HANDLE, claims.sessionHandle())
            .add(ClaimNames.REFRESH_TOKEN_HASH1, claims.refreshTokenHash1());
    if (claims.parentRefreshTokenHash1() != null) {
      json.add(ClaimNames.PARENT_REFRESH_TOKEN_HASH1, claims.parentRefreshTokenHash1());
    }
    if (claims.antiCsrfToken() != null) {
      json.add(ClaimNames.ANTI_CSRF_TOKEN, claims.antiCsrfToken());
    }
    List<String> audience = config.audience();
    if (audience.size() == 1) {
      json.add(ClaimNames.AUDIENCE, audience.get(0));
    } else if (!audience.isEmpty()) {
      JsonArrayBuilder all = JsonSupport.arrayBuilder();
      audience.forEach(all::add);
      json.add(ClaimNames.AUDIENCE, all);
    }
    KeyMaterial.SigningKey key = keyRing.signingKey();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setKeyIdHeaderValue(key.kid());
    jws.setHeader("typ", "JWT");
    jws.setPayload(json.build().toString());
    jws.setKey(key.privateKey());
    try {
      return new IssuedToken(jws.getCompactSerialization(), claims.expiresAt());
    } catch (JoseException e) {
      // Only a key jose4j refuses (not RSA, under 2048 bits): Baton generates neither.
      throw new IllegalStateException("the signing key cannot sign RS256", e);
    }
  }
}
