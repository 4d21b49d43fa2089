package dev.lakehouse.config;

/** A configuration value that breaks its rule; the message names the key, the value, its source and the rule. */
public final class InvalidConfigException extends IllegalArgumentException {
  public InvalidConfigException(String message) {
    super(message);
  }

  static InvalidConfigException of(String key, Object value, String source, String rule) {
    return new InvalidConfigException(
        String.format("Invalid value '%s' for %s (from %s): %s", value, key, source, rule));
  }
}
