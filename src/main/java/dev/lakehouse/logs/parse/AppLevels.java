package dev.lakehouse.logs.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/** Log levels as loggers spell them -> one spelling: upper case, WARN, ERROR, and pino/bunyan numbers named. */
final class AppLevels {
  private static final Map<String, String> SYNONYMS = Map.of(
      "WARNING", "WARN", "ERR", "ERROR", "CRIT", "CRITICAL", "INFORMATION", "INFO", "EMERG", "EMERGENCY");
  // pino and bunyan: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal
  private static final String[] NUMBERED = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};

  private AppLevels() {}

  static String normalized(JsonNode level) {
    if (level == null) {
      return null;
    }
    if (level.isIntegralNumber() && level.asInt() % 10 == 0 && level.asInt() >= 10 && level.asInt() <= 60) {
      return NUMBERED[level.asInt() / 10 - 1];
    }
    String upper = (level.isTextual() ? level.textValue() : level.toString()).trim().toUpperCase(Locale.ROOT);
    return SYNONYMS.getOrDefault(upper, upper);
  }
}
