package dev.baton.core;

import java.util.Set;

/** The claim names Baton owns; an application payload may not use them. */
final class ClaimNames {

  static final String SUBJECT = "sub";
  static final String ISSUED_AT = "iat";
  static final String EXPIRES = "exp";
  static final String ISSUER = "iss";
  static final String SESSION_HANDLE = "sessionHandle";
  static final String REFRESH_TOKEN_HASH1 = "refreshTokenHash1";
  static final String PARENT_REFRESH_TOKEN_HASH1 = "parentRefreshTokenHash1";
  static final String ANTI_CSRF_TOKEN = "antiCsrfToken";
  static final String TOKEN_ID = "jti";
  static final String AUTH_TIME = "auth_time";
  static final String AUDIENCE = "aud";

  /** MicroProfile JWT's user name claim: verifiers such as Liberty's read the user from it. */
  static final String USER_PRINCIPAL_NAME = "upn";

  /** Baton's own claims plus the registered JWT claims of RFC 7519 section 4.1. */
  static final Set<String> RESERVED =
      Set.of(
          SUBJECT,
          ISSUED_AT,
          EXPIRES,
          ISSUER,
          SESSION_HANDLE,
          REFRESH_TOKEN_HASH1,
          PARENT_REFRESH_TOKEN_HASH1,
          ANTI_CSRF_TOKEN,
          TOKEN_ID,
          AUTH_TIME,
          AUDIENCE,
          USER_PRINCIPAL_NAME,
          "nbf",
          "tId",
          "rsub");

  private ClaimNames() {}
}
