package dev.lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order of `refine --available-now` from the tables' lakehouse.refine.after properties. */
class RefineWavesTest {

  @Test
  void tablesRefineAfterThoseTheyNameAndUnknownNamesAreIgnored() {
    Map<String, List<String>> after = new LinkedHashMap<>();
    after.put("silver.commerce_orders", List.of("silver.commerce_inventory", "silver.commerce_inventory_changes"));
    after.put("silver.commerce_events", List.of());
    after.put("silver.commerce_inventory", List.of());
    after.put("silver.commerce_inventory_changes", List.of("silver.not_refined_now"));

    assertThat(RefineCommand.waves(after)).containsExactly(
        List.of("silver.commerce_events", "silver.commerce_inventory", "silver.commerce_inventory_changes"),
        List.of("silver.commerce_orders"));
  }

  @Test
  void aCycleIsRefusedNamingItsTables() {
    Map<String, List<String>> after = new LinkedHashMap<>();
    after.put("silver.a", List.of("silver.b"));
    after.put("silver.b", List.of("silver.a"));
    after.put("silver.c", List.of());

    assertThatThrownBy(() -> RefineCommand.waves(after))
        .hasMessage("Cannot order refine of [silver.a, silver.b]: their lakehouse.refine.after properties form a cycle; "
            + "fix the DDL in tables/silver/");
  }
}
