package dev.lakehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.ops.OpsTables;
import dev.lakehouse.testing.ChildJvm;
import dev.lakehouse.testing.InProcessCli;
import dev.lakehouse.testing.TestLakehouse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/lakehouse load} on small files written here, one table kind per test: CSV with quoting
 * and bad rows, JSON lines in gzip, Parquet, a type 2 dimension; re-loads, key conflicts, renames.
 */
class TableLoadTest {
  private static Lakehouse lakehouse;

  @BeforeAll
  static void open() {
    lakehouse = TestLakehouse.fresh();
  }

  private static Path write(String name, String text) {
    try {
      Path file = Path.of(lakehouse.config().path("input/" + name));
      Files.createDirectories(file.getParent());
      if (name.endsWith(".gz")) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
          out.write(text.getBytes(StandardCharsets.UTF_8));
        }
      } else {
        Files.writeString(file, text);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String load(String... args) {
    List<String> all = new ArrayList<>(List.of("load"));
    all.addAll(List.of(args));
    ChildJvm.Result result = InProcessCli.execute(lakehouse.config(), all.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output();
  }

  private static String fails(String... args) {
    List<String> all = new ArrayList<>(List.of("load"));
    all.addAll(List.of(args));
    ChildJvm.Result result = InProcessCli.execute(lakehouse.config(), all.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.output()).isNotZero();
    return result.output();
  }

  private static List<String> rows(String sql) {
    return lakehouse.spark().sql(sql).collectAsList().stream().map(Row::toString).toList();
  }

  // the held rows of one file: line, rule and reason, in line order
  private static List<String> held(Path file) {
    return rows("SELECT _kafka_offset, rule_id, reason FROM ops.quarantine WHERE stage = 'load' AND source_table LIKE '%/"
        + file.getFileName() + "' ORDER BY 1, 2");
  }

  private static long version(String table) {
    return OpsTables.latestVersion(lakehouse.spark(), lakehouse.catalog().location(table));
  }

  @Test
  void instrumentsFromCsvWithQuotingLandBadRowsAreHeldWithFileLineAndRuleAndReloadingChangesNothing() {
    Path file = write("instruments.csv", """
        instrument_id,name,asset_class,sector,currency,fx_currency
        AAPL,"Apple, Inc.",Equity,technology,usd,
        SAP,"SAP ""the software"" SE",equity,technology,EUR,
        EURUSD,Euro in dollars,fx,currency,USD,
        EUR-CASH,"Euro
        cash",fx,currency,USD,EUR
        XX1,Bad asset class,stock,technology,USD,
        XX2,Bad currency,equity,technology,EURO,
        FWD1,An fx forward,fx,currency,USD,
        XX3,Too few fields,equity
        """);

    String first = load("silver.finance_instruments", file.toString());

    assertThat(first).contains("Loaded silver.finance_instruments from 1 file, 8 records: 4 inserted, 0 updated, "
        + "0 unchanged, 4 held, 0 duplicates");
    assertThat(rows("SELECT instrument_id, name, asset_class, currency, fx_currency FROM silver.finance_instruments "
        + "WHERE instrument_id IN ('AAPL', 'SAP', 'EURUSD', 'EUR-CASH') ORDER BY 1")).containsExactly(
        "[AAPL,Apple, Inc.,equity,USD,null]",
        "[EUR-CASH,Euro\ncash,fx,USD,EUR]",
        "[EURUSD,Euro in dollars,fx,USD,EUR]",
        "[SAP,SAP \"the software\" SE,equity,EUR,null]");
    assertThat(held(file)).containsExactly(
        "[7,load.allowed.asset_class,Invalid asset_class 'stock': must be one of equity, fx, bond, commodity]",
        "[8,load.allowed.currency,Invalid currency 'EURO': must be an ISO 4217 currency code (3 letters, e.g. USD, EUR, GBP)]",
        "[9,load.check.fx_currency_known,Invalid row: an fx instrument needs fx_currency, the currency it is the price of "
            + "(EUR for a euro quoted in dollars); it is derived only from an id that is a currency pair such as EURUSD or "
            + "EUR/USD (lower(asset_class) <> \"fx\" OR fx_currency IS NOT NULL)]",
        "[10,load.parse.csv,Invalid CSV record: 3 fields where the header has 6 (a quote left open, or a delimiter inside "
            + "an unquoted value?)]");
    assertThat(rows("SELECT CAST(raw_value AS STRING) FROM ops.quarantine WHERE rule_id = 'load.allowed.asset_class'"))
        .containsExactly("[XX1,Bad asset class,stock,technology,USD,]");

    long before = version("silver.finance_instruments");
    String again = load("silver.finance_instruments", file.toString());
    assertThat(again).contains("0 inserted, 0 updated, 4 unchanged, 4 held", "the table is unchanged (version " + before + ")");
    assertThat(version("silver.finance_instruments")).isEqualTo(before);
    assertThat(held(file)).hasSize(4);
    // one lineage row per load: records read, rows written, rows held
    assertThat(rows("SELECT input_rows, output_rows, quarantined_rows, target_version FROM ops.pipeline_events "
        + "WHERE query_name = 'load.silver.finance_instruments' AND source_offsets LIKE '%/instruments.csv%' "
        + "ORDER BY started_at"))
        .containsExactly("[8,4,4," + before + "]", "[8,0,4," + before + "]");
  }

  @Test
  void pricesWithAKeyGivenTwoWaysAreAConflictNotADuplicateAndALaterFileUpdatesOnlyWhatChanged() {
    load("silver.finance_instruments", write("msft.csv", "instrument_id,name,asset_class,sector,currency\n"
        + "MSFT,Microsoft,equity,technology,USD\n").toString());
    Path prices = write("prices.csv", """
        price_date;instrument_id;close
        2025-01-02;MSFT;400.5
        2025-01-03;MSFT;401
        2025-01-03;MSFT;402
        2025-01-06;MSFT;abc
        2025-01-07;MSFT;410
        2025-01-07;MSFT;410
        2025-01-08;MSFT;-1
        """);

    String first = load("silver.finance_prices", prices.toString(), "--delimiter", ";");

    assertThat(first).contains("7 records: 2 inserted, 0 updated, 0 unchanged, 4 held, 1 duplicate");
    assertThat(held(prices)).containsExactly(
        "[3,load.key_conflict,Cannot load key price_date=2025-01-03, instrument_id=MSFT: 2 rows in the input give it "
            + "different values (prices.csv:3, prices.csv:4); keep one and load again]",
        "[4,load.key_conflict,Cannot load key price_date=2025-01-03, instrument_id=MSFT: 2 rows in the input give it "
            + "different values (prices.csv:3, prices.csv:4); keep one and load again]",
        "[5,load.type.close,Invalid close 'abc': must be a number (DOUBLE)]",
        "[8,load.check.close_positive,Invalid row: close must be a price greater than 0 (close > 0)]");
    // the currency comes from the instrument, the source from the file
    assertThat(rows("SELECT price_date, close, currency, source LIKE 'file:%prices.csv' FROM silver.finance_prices ORDER BY 1"))
        .containsExactly("[2025-01-02,400.5,USD,true]", "[2025-01-07,410.0,USD,true]");

    Path fix = write("prices-fix.csv", "price_date,instrument_id,close\n2025-01-03,MSFT,401\n2025-01-07,MSFT,411\n");
    assertThat(load("silver.finance_prices", fix.toString())).contains("2 records: 1 inserted, 1 updated, 0 unchanged, 0 held");
    assertThat(rows("SELECT price_date, close FROM silver.finance_prices ORDER BY 1"))
        .containsExactly("[2025-01-02,400.5]", "[2025-01-03,401.0]", "[2025-01-07,411.0]");
  }

  @Test
  void gzippedJsonLinesLoadAndBrokenLinesAreHeldWithTheirLineNumbers() {
    Path file = write("sanctions.jsonl.gz", """
        {"entry_id": "E1", "name": "Ivan Petrov", "list_source": "EU"}
        {"entry_id": "E1", "name": "I. Petrov", "list_source": "EU", "program": "RUS"}

        {"entry_id": "E2", "name": "Acme Trading", "list_source": "OFAC"
        {"entry_id": "E3", "list_source": "UN"}
        ["not", "an", "object"]
        {"entry_id": "E4", "name": {"first": "A"}, "list_source": "UN"}
        """);

    String output = load("silver.finance_sanctions", file.toString());

    assertThat(output).contains("6 records: 2 inserted, 0 updated, 0 unchanged, 4 held",
        "ignored file columns (no column of the table; --map one to load it): program");
    assertThat(rows("SELECT entry_id, name, list_source FROM silver.finance_sanctions ORDER BY 2"))
        .containsExactly("[E1,I. Petrov,EU]", "[E1,Ivan Petrov,EU]");
    assertThat(held(file)).extracting(r -> r.substring(0, r.indexOf(',', r.indexOf(',') + 1)))
        .containsExactly("[4,load.parse.json", "[5,load.required.name", "[6,load.parse.json", "[7,load.type.name");
  }

  @Test
  void parquetPositionsTakeRenamesAndTheAsOfDateAndHoldARowByItsNumber() {
    Path dir = Path.of(lakehouse.config().path("input/positions.parquet"));
    StructType schema = new StructType().add("portfolio", DataTypes.StringType).add("instrument_id", DataTypes.StringType)
        .add("quantity", DataTypes.DoubleType).add("note", DataTypes.StringType);
    lakehouse.spark().createDataFrame(List.of(RowFactory.create("macro", "MSFT", 100.0, "core"),
            RowFactory.create("macro", "EUR-CASH", 50_000.0, null), RowFactory.create("macro", "TLT", null, "no size")), schema)
        .coalesce(1).write().parquet(dir.toString());

    String output = load("silver.finance_positions", dir.toString(), "--map", "portfolio=portfolio_id", "--as-of", "2025-06-30");

    assertThat(output).contains("3 records: 2 inserted, 0 updated, 0 unchanged, 1 held", "ignored file columns", "note");
    assertThat(rows("SELECT as_of_date, portfolio_id, instrument_id, quantity FROM silver.finance_positions ORDER BY 3"))
        .containsExactly("[2025-06-30,macro,EUR-CASH,50000.0]", "[2025-06-30,macro,MSFT,100.0]");
    assertThat(rows("SELECT _kafka_offset, rule_id FROM ops.quarantine WHERE target_table = 'silver.finance_positions'"))
        .containsExactly("[3,load.required.quantity]");
  }

  @Test
  void aTypeTwoDimensionClosesAndOpensVersionsAndCustomersAreDerivedFromTheirUserAgent() {
    Path first = write("products-1.csv", "product_id,category,brand,list_price_cents\np-1,electronics,Voltra,1000\n"
        + "p-2,books,Inkwell,500\n");
    Path second = write("products-2.csv", "product_id,category,brand,list_price_cents\np-1,electronics,Voltra,1200\n"
        + "p-2,books,Inkwell,500\np-3,toys,Kiddo,900\n");
    assertThat(fails("silver.commerce_products", first.toString())).contains(
        "Cannot load silver.commerce_products without --as-of: it is a type 2 dimension");

    assertThat(load("silver.commerce_products", first.toString(), "--as-of", "2026-11-20")).contains("2 inserted");
    assertThat(load("silver.commerce_products", second.toString(), "--as-of", "2026-11-21"))
        .contains("3 records: 1 inserted, 1 updated, 1 unchanged, 0 held");
    long version = version("silver.commerce_products");
    assertThat(load("silver.commerce_products", second.toString(), "--as-of", "2026-11-21"))
        .contains("0 inserted, 0 updated, 3 unchanged", "the table is unchanged (version " + version + ")");
    assertThat(rows("SELECT product_id, list_price_cents, CAST(valid_from AS DATE), CAST(valid_to AS DATE), is_current "
        + "FROM silver.commerce_products ORDER BY 1, 3")).containsExactly(
        "[p-1,1000,2026-11-20,2026-11-21,false]", "[p-1,1200,2026-11-21,null,true]",
        "[p-2,500,2026-11-20,null,true]", "[p-3,900,2026-11-21,null,true]");
    assertThat(fails("silver.commerce_products", first.toString(), "--as-of", "2026-11-19"))
        .contains("Cannot load silver.commerce_products as of 2026-11-19: it already has versions from 2026-11-21");

    Path customers = write("customers.csv", "user_id,user_agent\n"
        + "u-1,\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36\"\n"
        + "u-2,Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)\n");
    assertThat(load("silver.commerce_customers", customers.toString(), "--as-of", "2026-11-21")).contains("2 inserted");
    assertThat(rows("SELECT user_id, browser, device_class, is_bot FROM silver.commerce_customers ORDER BY 1"))
        .containsExactly("[u-1,Chrome,desktop,false]", "[u-2,Googlebot,bot,true]");
  }

  @Test
  void aFileWithoutARequiredColumnFailsBeforeLoadingAndRenamesAndConstantsFillColumns() {
    Path windows = write("windows.csv", "name,start,end\ncovid,2020-02-19,2020-03-23\nbackwards,2022-05-01,2022-04-01\n");

    assertThat(fails("silver.finance_market_windows", windows.toString())).contains(
        "Cannot load " + windows.toUri().toString().replace("file:///", "file:/") + ": it has no column window_name, "
            + "from_date, to_date, which the table requires; name the file's column with --map SOURCE=window_name");
    assertThat(fails("silver.finance_market_windows", windows.toString(), "--map", "start=loaded_at"))
        .contains("Invalid --map start=loaded_at: silver.finance_market_windows.loaded_at is set by the load (_load_time)");
    assertThat(fails("silver.commerce_events", windows.toString()))
        .contains("Cannot load silver.commerce_events from files: it is filled by the pipeline");
    assertThat(rows("SELECT count(*) FROM silver.finance_market_windows")).containsExactly("[0]");

    String output = load("silver.finance_market_windows", windows.toString(), "--map", "name=window_name", "--map",
        "start=from_date", "--map", "end=to_date", "--set", "description=from the risk desk");
    assertThat(output).contains("2 records: 1 inserted, 0 updated, 0 unchanged, 1 held");
    assertThat(rows("SELECT window_name, from_date, to_date, description FROM silver.finance_market_windows"))
        .containsExactly("[covid,2020-02-19,2020-03-23,from the risk desk]");
    assertThat(held(windows)).containsExactly("[3,load.check.dates_in_order,Invalid row: from_date must not be after "
        + "to_date (from_date <= to_date)]");
  }
}
