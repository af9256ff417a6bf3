package dev.baton.core;

/**
 * Baton's keys in the database cannot be used with the configured key-encryption keys: they are
 * wrapped with a key this server was not given, or none is configured while they are wrapped. Baton
 * then creates no key over them: at start-up the deployment fails with this message; later (another
 * server re-wrapped the keys) requests that need the keys are answered 503.
 */
class KeyEncryptionException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  KeyEncryptionException(String message) {
    super(message);
  }

  KeyEncryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
