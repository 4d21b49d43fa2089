package dev.lakehouse.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Reading lookup, latest-by and after declarations from a silver table's properties. */
class LookupTest {
  private static final StructType SCHEMA = new StructType()
      .add("product_id", DataTypes.StringType, false)
      .add("changed_at", DataTypes.TimestampType, false)
      .add("brand", DataTypes.StringType);

  @Test
  void declarationsAreRead() {
    RefineSpec spec = RefineSpec.of("silver.x", SCHEMA, Map.of(
        "lakehouse.refine.source", "bronze.x",
        "lakehouse.refine.merge-keys", "product_id",
        "lakehouse.refine.lookup._product", "silver.commerce_products ON product_id AS OF changed_at",
        "lakehouse.refine.lookup._stock", "silver.commerce_inventory on product_id",
        "lakehouse.refine.latest-by", "changed_at",
        "lakehouse.refine.after", "silver.a, silver.b"));

    assertThat(spec.lookups()).containsExactly(
        new Lookup("_product", "silver.commerce_products", "product_id", "changed_at"),
        new Lookup("_stock", "silver.commerce_inventory", "product_id", null));
    assertThat(spec.latestBy()).containsExactly("changed_at");
    assertThat(spec.keepsLatest()).isTrue();
    assertThat(spec.after()).containsExactly("silver.a", "silver.b");
  }

  @Test
  void aMalformedLookupOrAnUnknownLatestByColumnIsRefused() {
    assertThatThrownBy(() -> RefineSpec.of("silver.x", SCHEMA, Map.of(
        "lakehouse.refine.source", "bronze.x", "lakehouse.refine.merge-keys", "product_id",
        "lakehouse.refine.lookup._p", "commerce_products USING product_id")))
        .hasMessage("Invalid lakehouse.refine.lookup._p 'commerce_products USING product_id' of silver.x: "
            + "must read '<layer>.<table> ON <key> [AS OF <time column>]' with a plain alias");
    assertThatThrownBy(() -> RefineSpec.of("silver.x", SCHEMA, Map.of(
        "lakehouse.refine.source", "bronze.x", "lakehouse.refine.merge-keys", "product_id",
        "lakehouse.refine.latest-by", "changed_at, sequence")))
        .hasMessage("Invalid lakehouse.refine.latest-by 'changed_at, sequence' of silver.x: 'sequence' is not a column of the table");
  }
}
