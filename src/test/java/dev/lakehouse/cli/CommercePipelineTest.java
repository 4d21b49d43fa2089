package dev.lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.generate.DataGenerator;
import dev.lakehouse.generate.GeneratedRecord;
import dev.lakehouse.generate.GeneratorSettings;
import dev.lakehouse.generate.Topics;
import dev.lakehouse.kafka.KafkaAdmin;
import dev.lakehouse.kafka.RecordPublisher;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.ReferenceLoads;
import dev.lakehouse.testing.TestLakehouse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * End to end on the real broker through the CLI: a generated day of commerce records goes generate ->
 * Kafka -> ingest -> load (the generator's catalogue as CSV files) -> refine (in waves) -> commerce publish, and the silver and gold
 * figures match those worked out from the generated records themselves.
 */
class CommercePipelineTest {
  private static final List<String> SOURCES = List.of(Topics.COMMERCE_EVENTS, Topics.COMMERCE_ORDERS, Topics.COMMERCE_INVENTORY);
  private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
  private static final long SEED = 7;

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"?([^,\"}]*)").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json);
    }
    return m.group(1);
  }

  private static void run(Lakehouse lakehouse, String... args) {
    ChildJvm.Result result = InProcessCli.execute(lakehouse.config(), args);
    assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.output()).isZero();
  }

  @Test
  void aGeneratedDayFlowsToGoldWithTheFiguresOfItsRecords() {
    Lakehouse lakehouse = TestLakehouse.freshWithKafka("ingest.topics=" + String.join(",", SOURCES));
    String bootstrap = lakehouse.config().kafka().bootstrapServers();
    KafkaAdmin.ensureTopics(bootstrap, SOURCES.stream().map(lakehouse.config().kafka()::topic).toList(), 2);
    long orderLines = 0;
    BigDecimal revenueCents = BigDecimal.ZERO;
    Map<String, long[]> lastStock = new HashMap<>();
    DataGenerator generator = new DataGenerator(new GeneratorSettings(SEED, DAY, 0.0, Set.of()), 8_000);
    try (RecordPublisher publisher = new RecordPublisher(bootstrap, lakehouse.config().kafka().topicPrefix())) {
      while (generator.hasNext()) {
        GeneratedRecord record = generator.next();
        if (!SOURCES.contains(record.topic())) {
          continue;
        }
        publisher.send(record);
        String json = new String(record.value(), StandardCharsets.UTF_8);
        if (record.topic().equals(Topics.COMMERCE_ORDERS)) {
          orderLines++;
          BigDecimal gross = new BigDecimal(field(json, "quantity")).multiply(new BigDecimal(field(json, "unit_price_cents")));
          revenueCents = revenueCents.add(gross.multiply(BigDecimal.ONE.subtract(new BigDecimal(field(json, "discount"))))
              .setScale(0, RoundingMode.HALF_UP));
        } else if (record.topic().equals(Topics.COMMERCE_INVENTORY)) {
          long sequence = Long.parseLong(field(json, "sequence"));
          long[] seen = lastStock.computeIfAbsent(field(json, "product_id"), p -> new long[] {-1, 0});
          if (sequence > seen[0]) {
            seen[0] = sequence;
            seen[1] = Long.parseLong(field(json, "stock_after"));
          }
        }
      }
      publisher.flush();
    }

    run(lakehouse, "ingest", "--available-now");
    ReferenceLoads.commerce(lakehouse, SEED, DAY);
    // orders first on purpose: lakehouse.refine.after runs the inventory tables before them
    run(lakehouse, "refine", "--available-now", "--table",
        "silver.commerce_orders,silver.commerce_events,silver.commerce_inventory,silver.commerce_inventory_changes");
    run(lakehouse, "commerce", "publish", "--date", DAY.toString());

    assertThat(orderLines).isPositive();
    assertThat(lakehouse.spark().table("silver.commerce_orders").count()).isEqualTo(orderLines);
    assertThat(lakehouse.spark().sql("SELECT count(*) FROM silver.commerce_orders WHERE array_contains(flags, 'unknown_product')")
        .head().getLong(0)).isZero();
    assertThat(lakehouse.spark().sql("SELECT count(*) FROM silver.commerce_orders o JOIN silver.commerce_inventory i "
        + "ON o.product_id = i.product_id WHERE array_contains(o.flags, 'no_stock_record')").head().getLong(0)).isZero();
    assertThat(lakehouse.spark().sql("SELECT count(*) FROM silver.commerce_events WHERE brand IS NULL AND product_id IS NOT NULL")
        .head().getLong(0)).isZero();

    Map<String, Long> stock = new HashMap<>();
    for (Row row : lakehouse.spark().sql("SELECT product_id, stock_after FROM silver.commerce_inventory").collectAsList()) {
      stock.put(row.getString(0), (long) row.getInt(1));
    }
    Map<String, Long> expectedStock = new HashMap<>();
    lastStock.forEach((product, seen) -> expectedStock.put(product, seen[1]));
    assertThat(stock).isEqualTo(expectedStock);

    Row sales = lakehouse.spark().sql("SELECT revenue_cents, order_lines FROM gold.commerce_sales_daily WHERE sales_date = DATE'"
        + DAY + "'").head();
    assertThat(sales.getLong(0)).isEqualTo(revenueCents.longValueExact());
    assertThat(sales.getLong(1)).isEqualTo(orderLines);
    assertThat(lakehouse.spark().sql("SELECT count(*) FROM gold.commerce_stock_daily").head().getLong(0)).isEqualTo(expectedStock.size());
    assertThat(lakehouse.spark().sql("SELECT count(*) FROM gold.commerce_funnel_daily").head().getLong(0)).isPositive();
    assertThat(lakehouse.spark().sql("SELECT count(*) FROM ops.quality_results WHERE table_name LIKE 'gold.commerce_%' "
        + "AND rule_level = 'error' AND constraint_status = 'Failure'").head().getLong(0)).isZero();
  }
}
