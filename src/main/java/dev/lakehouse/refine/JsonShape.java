package dev.lakehouse.refine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * What Spark's JSON reader lets through silently, checked on the record's text: a field named twice
 * (Spark type-checks one value and keeps another) and an object or array where the column holds a
 * single value (Spark stores its JSON text in a STRING column). Only the top-level fields of the
 * table's columns are judged.
 */
final class JsonShape implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final JsonFactory JSON = new JsonFactory();

  private final HashSet<String> columns;
  private final HashSet<String> scalars;

  /** @param columns the table's payload columns; @param scalars those that hold one value (not struct, array or map) */
  JsonShape(Set<String> columns, Set<String> scalars) {
    this.columns = new HashSet<>(columns);
    this.scalars = new HashSet<>(scalars);
  }

  /** (rule id, reason) of the first shape problem of a JSON object's text, or null when it has none or is not JSON. */
  Row problem(String text) {
    if (text == null) {
      return null;
    }
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Set<String> seen = new HashSet<>();
      for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (columns.contains(field) && !seen.add(field)) {
          return RowFactory.create("parse.duplicate_key." + field,
              "field '" + field + "' appears more than once in the object; which value is meant is unknown");
        }
        if (scalars.contains(field) && (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)) {
          return RowFactory.create("parse.not_scalar." + field, "field '" + field + "' is a JSON "
              + (value == JsonToken.START_OBJECT ? "object" : "array") + ", not a single value");
        }
        parser.skipChildren();
      }
      return null;
    } catch (IOException e) {
      // not well-formed JSON: the parse.json rule reports it
      return null;
    }
  }

  /** For Dataset.map in tests. */
  MapFunction<String, Row> asFunction() {
    return this::problem;
  }
}
