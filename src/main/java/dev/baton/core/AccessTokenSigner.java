package dev.baton.core;

import dev.baton.api.IssuedToken;
import dev.baton.config.SessionConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;

/** Signs access tokens with the current RS256 key, using smallrye-jwt's builder. */
@ApplicationScoped
class AccessTokenSigner {

  @Inject KeyRing keyRing;
  @Inject SessionConfig config;

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
            .add(ClaimNames.ISSUED_AT, claims.issuedAt().getEpochSecond())
            .add(ClaimNames.EXPIRES, claims.expiresAt().getEpochSecond())
            .add(ClaimNames.ISSUER, config.issuer())
            .add(ClaimNames.SESSION_HANDLE, claims.sessionHandle())
            .add(ClaimNames.REFRESH_TOKEN_HASH1, claims.refreshTokenHash1());
    if (claims.parentRefreshTokenHash1() != null) {
      json.add(ClaimNames.PARENT_REFRESH_TOKEN_HASH1, claims.parentRefreshTokenHash1());
    }
    if (claims.antiCsrfToken() != null) {
      json.add(ClaimNames.ANTI_CSRF_TOKEN, claims.antiCsrfToken());
    }
    KeyMaterial.SigningKey key = keyRing.signingKey();
    String token =
        Jwt.claims(json.build())
            .jws()
            .algorithm(SignatureAlgorithm.RS256)
            .keyId(key.kid())
            .sign(key.privateKey());
    return new IssuedToken(token, claims.expiresAt());
  }
}
