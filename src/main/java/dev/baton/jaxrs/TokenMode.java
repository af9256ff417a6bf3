package dev.baton.jaxrs;

/** How a client carries its tokens. */
enum TokenMode {
  /** HttpOnly cookies; state-changing requests need the anti-CSRF check. */
  COOKIE,
  /**
   * {@code Authorization: Bearer} and the {@code st-access-token}/{@code st-refresh-token} headers.
   */
  HEADER
}
