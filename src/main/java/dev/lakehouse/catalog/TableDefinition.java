package dev.lakehouse.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One table declared in {@code tables/<layer>/<domain>_<entity>.sql}: its name, its DDL and the
 * grain its comment states.
 */
public record TableDefinition(String name, String ddl) {
  private static final Pattern CREATE =
      Pattern.compile("^\\s*CREATE\\s+TABLE\\s+IF\\s+NOT\\s+EXISTS\\s+([a-z0-9_]+\\.[a-z0-9_]+)\\s*\\(",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TABLE_COMMENT =
      Pattern.compile("\\)\\s*USING\\s+DELTA[\\s\\S]*?\\bCOMMENT\\s+'((?:[^']|'')*)'", Pattern.CASE_INSENSITIVE);

  /** Parses a DDL file's text; the table it creates must be the one its path names. */
  public static TableDefinition parse(String expectedName, String text) {
    String ddl = withoutLineComments(text).trim();
    if (ddl.endsWith(";")) {
      ddl = ddl.substring(0, ddl.length() - 1).trim();
    }
    Matcher create = CREATE.matcher(ddl);
    if (!create.find()) {
      throw new IllegalArgumentException(String.format(
          "Invalid table file for %s: it must hold one 'CREATE TABLE IF NOT EXISTS %s (...) USING DELTA ...' statement",
          expectedName, expectedName));
    }
    if (!create.group(1).equalsIgnoreCase(expectedName)) {
      throw new IllegalArgumentException(String.format(
          "Invalid table file for %s: it creates %s; the file name and the table name must agree",
          expectedName, create.group(1)));
    }
    TableDefinition definition = new TableDefinition(expectedName, ddl);
    if (definition.grain().isEmpty() || !definition.grain().startsWith("One row per")) {
      throw new IllegalArgumentException(String.format(
          "Invalid table file for %s: its COMMENT must state the grain ('One row per ...')", expectedName));
    }
    return definition;
  }

  public String layer() {
    return name.substring(0, name.indexOf('.'));
  }

  public String entity() {
    return name.substring(name.indexOf('.') + 1);
  }

  /** The table comment, which states the grain ("One row per ..."). */
  public String grain() {
    Matcher comment = TABLE_COMMENT.matcher(ddl);
    return comment.find() ? comment.group(1).replace("''", "'") : "";
  }

  /** The DDL with its storage location appended. */
  public String ddlAt(String location) {
    // a Spark SQL string literal: backslash escapes, so escape it before the quote
    return ddl + "\nLOCATION '" + location.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String withoutLineComments(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.trim().startsWith("--")) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }
}
