package dev.lakehouse.commerce.stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** What a streaming gold query does with a micro-batch once its late rows are set aside. */
interface GoldWriter {
  /** The table its lineage row names. */
  String target();

  /**
   * Recomputes the gold rows the batch touches (late rows included: their keys are recomputed too,
   * without them) and returns how many gold rows it wrote.
   *
   * @param batch the batch's usable rows, late ones included
   */
  long write(SparkSession spark, Dataset<Row> batch, Watermarks marks, long batchId);
}
