package dev.baton.jaxrs;

/** Why a request that needed a session has none, in SuperTokens' terms and metric names. */
enum SessionRefusal {
  /** The token may be expired: the frontend refreshes and retries. */
  TRY_REFRESH("try refresh token", "try_refresh_token"),
  /** No token, or one that no refresh can save. */
  UNAUTHORISED("unauthorised", "unauthorised");

  final String message;
  final String metric;

  SessionRefusal(String message, String metric) {
    this.message = message;
    this.metric = metric;
  }
}
