package dev.baton.config;

/** A configuration value is missing its mark; the message names the key. */
class InvalidConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param key the MicroProfile Config key
   * @param problem what is wrong with its value
   */
  public InvalidConfigException(String key, String problem) {
    super("Invalid configuration '" + key + "': " + problem);
  }
}
