package dev.lakehouse.load;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Brings a table created from an older DDL up to its declaration before a load writes it: a nullable
 * column the DDL declares and the table lacks is added (Delta ADD COLUMNS, existing rows read it as
 * null). A missing NOT NULL column cannot be added to rows already there: that is an error.
 */
final class TableEvolution {
  private TableEvolution() {}

  static void addMissingColumns(SparkSession spark, LoadSpec spec, String location) {
    StructType actual = spark.read().format("delta").load(location).schema();
    List<String> present = Arrays.asList(actual.fieldNames());
    for (StructField field : spec.columns().fields()) {
      if (present.contains(field.name())) {
        continue;
      }
      if (!field.nullable()) {
        throw new IllegalStateException(String.format("Cannot load %s: the table at %s lacks the NOT NULL column %s its DDL "
            + "declares; it was created from an older declaration, so move it aside and load it again", spec.table(),
            location, field.name()));
      }
      // the names, types and comments come from the table's own DDL in tables/, never from a user's file
      String comment = field.getComment().isDefined()
          ? " COMMENT '" + field.getComment().get().replace("\\", "\\\\").replace("'", "\\'") + "'" : "";
      spark.sql(String.format("ALTER TABLE delta.`%s` ADD COLUMNS (`%s` %s%s)", location.replace("`", "``"),
          field.name().replace("`", "``"), field.dataType().sql(), comment));
    }
  }
}
