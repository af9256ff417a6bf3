package dev.baton.config;

/** How state-changing requests authenticated by cookie are protected against CSRF. */
public enum AntiCsrfMode {
  /** A random token bound to the session must come back in the {@code anti-csrf} header. */
  VIA_TOKEN,
  /** A custom header ({@code rid}) must be present, which a cross-site form cannot add. */
  VIA_CUSTOM_HEADER,
  /** No check: only for APIs that never use cookies. */
  NONE
}
