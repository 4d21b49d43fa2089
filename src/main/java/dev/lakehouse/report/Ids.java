package dev.lakehouse.report;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks the ids of charts and tables, which tests and scripts find them by. */
final class Ids {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private Ids() {}

  static String checked(String id, String kind) {
    Objects.requireNonNull(id, kind + " id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(String.format(
          "Invalid %s id '%s': use letters, digits, '-' and '_', starting with a letter or digit", kind, id));
    }
    return id;
  }
}
