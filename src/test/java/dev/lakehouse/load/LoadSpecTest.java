package dev.lakehouse.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.config.LakehouseConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/** The load rules every table's DDL declares, read without a Spark session. */
class LoadSpecTest {
  private static final TableCatalog CATALOG = TableCatalog.load(LakehouseConfig.defaults());

  @Test
  void everyDimensionAndReferenceTableIsLoadableAndNoStreamedOneIs() {
    assertThat(LoadSpec.loadable(CATALOG)).containsExactly(
        "silver.commerce_customers", "silver.commerce_products", "silver.commerce_ratings", "silver.finance_customers",
        "silver.finance_fx_rates", "silver.finance_instruments", "silver.finance_market_windows",
        "silver.finance_positions", "silver.finance_prices", "silver.finance_sanctions");
    assertThatThrownBy(() -> LoadSpec.of(CATALOG, "silver.commerce_events"))
        .hasMessageStartingWith("Cannot load silver.commerce_events from files: it is filled by the pipeline")
        .hasMessageContaining("silver.finance_prices");
  }

  @Test
  void everyNotNullColumnIsRequiredFromTheFileOrFilledByTheLoad() {
    for (String table : LoadSpec.loadable(CATALOG)) {
      LoadSpec spec = LoadSpec.of(CATALOG, table);
      List<String> unfilled = new ArrayList<>();
      for (StructField field : spec.columns().fields()) {
        boolean filled = spec.derived().containsKey(field.name()) || spec.defaults().containsKey(field.name())
            || spec.required().contains(field.name()) || field.nullable()
            || (spec.mode() == LoadSpec.Mode.SCD2 && LoadSpec.SCD2_COLUMNS.contains(field.name()));
        if (!filled) {
          unfilled.add(field.name());
        }
      }
      assertThat(unfilled).as(table).isEmpty();
      // the load stamps its own time: no file is asked for it
      assertThat(spec.required()).as(table).doesNotContain("loaded_at", "_loaded_at");
      assertThat(spec.keys()).as(table).isNotEmpty().allMatch(k -> Arrays.asList(spec.inputs().fieldNames()).contains(k));
    }
  }

  @Test
  void instrumentsStateWhatIsRequiredDerivedAndAllowed() {
    LoadSpec spec = LoadSpec.of(CATALOG, "silver.finance_instruments");
    assertThat(spec.required()).containsExactly("instrument_id", "name", "asset_class", "sector", "currency");
    assertThat(spec.derived()).containsOnlyKeys("loaded_at");
    assertThat(spec.defaults()).containsOnlyKeys("fx_currency");
    assertThat(LoadSpec.describeAllowed(spec.allowed().get("asset_class"))).isEqualTo("one of equity, fx, bond, commodity");
    assertThat(LoadSpec.describeAllowed(spec.allowed().get("currency"))).startsWith("an ISO 4217 currency code");
    assertThat(LoadSpec.allowedValues(spec.allowed().get("currency"))).contains("USD", "EUR", "JPY").doesNotContain("EURO");
    assertThat(spec.checks()).containsOnlyKeys("fx_currency_known");
    LoadSpec products = LoadSpec.of(CATALOG, "silver.commerce_products");
    assertThat(products.mode()).isEqualTo(LoadSpec.Mode.SCD2);
    assertThat(products.tracked()).containsExactly("category", "brand", "list_price_cents");
  }
}
