package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.load.FileRecords;
import dev.lakehouse.load.LoadRequest;
import dev.lakehouse.load.LoadSpec;
import dev.lakehouse.load.LoadSummary;
import dev.lakehouse.load.TableLoad;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.types.StructField;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load", mixinStandardHelpOptions = true,
    description = {"Load your own files into a silver dimension or reference table (products, customers, instruments,",
        "prices, FX rates, positions, market windows, sanctions, finance customers, ratings): CSV (header), JSON lines or",
        "Parquet, gzip accepted. Columns match the table's by name (--map renames, --set fills one value); values are",
        "checked against the column types and the table's rules; bad rows go to ops.quarantine with file, line and rule;",
        "a key given two different ways is a conflict; loading the same files again changes nothing.",
        "--describe shows what a table needs. See docs/bring-your-own-data.md."})
final class LoadCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Parameters(index = "0", paramLabel = "TABLE", description = "The table, e.g. silver.finance_prices.")
  String table;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "INPUT",
      description = "Files, directories or globs (quote globs: 'prices/*.csv'); local paths or URIs (s3a://...).")
  List<String> inputs = List.of();

  @Option(names = "--format", paramLabel = "FORMAT", description = "csv, json (lines) or parquet (default: by extension).")
  String format;

  @Option(names = "--delimiter", paramLabel = "C", description = "CSV delimiter: a character or 'tab' (default: ',', tab for .tsv).")
  String delimiter;

  @Option(names = "--quote", paramLabel = "C", defaultValue = "\"", description = "CSV quote character (default: ${DEFAULT-VALUE}).")
  char quote;

  @Option(names = "--escape", paramLabel = "C", defaultValue = "\"",
      description = "Character escaping a quote inside quotes (default: ${DEFAULT-VALUE}, i.e. doubled).")
  char escape;

  @Option(names = "--map", paramLabel = "SRC=DST", description = "Fill table column DST from file column SRC (repeatable).")
  Map<String, String> renames = new LinkedHashMap<>();

  @Option(names = "--set", paramLabel = "COLUMN=VALUE", description = "Fill COLUMN with VALUE in every row (repeatable).")
  Map<String, String> constants = new LinkedHashMap<>();

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
      description = "Type 2 dimensions: the day new versions start (required). Positions: as_of_date of rows without one.")
  LocalDate asOf;

  @Option(names = "--describe", description = "Print the table's columns (required, defaults, derived) and rules, and load nothing.")
  boolean describe;

  @Override
  public Integer call() {
    if (describe) {
      describe(LoadSpec.of(TableCatalog.load(options.config()), table));
      return 0;
    }
    if (inputs.isEmpty()) {
      throw new CommandLine.ParameterException(new CommandLine(this), "Missing INPUT: give the files to load (or --describe)");
    }
    LoadRequest request = new LoadRequest(table, inputs, Optional.ofNullable(format).map(LoadCommand::format),
        new FileRecords.CsvOptions(delimiter(), quote, escape), renames, constants, Optional.ofNullable(asOf), Instant.now());
    Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-load");
    print(new TableLoad(lakehouse.catalog()).load(lakehouse.spark(), request));
    return 0;
  }

  /** Loads and prints the summary; the demo runs its loads through this. */
  static LoadSummary run(Lakehouse lakehouse, LoadRequest request) {
    LoadSummary summary = new TableLoad(lakehouse.catalog()).load(lakehouse.spark(), request);
    print(summary);
    return summary;
  }

  private char delimiter() {
    if (delimiter == null) {
      return 0;
    }
    if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
      return '\t';
    }
    if (delimiter.length() != 1) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "Invalid --delimiter '" + delimiter + "': must be one character or 'tab'");
    }
    return delimiter.charAt(0);
  }

  private static FileRecords.Format format(String name) {
    try {
      return FileRecords.Format.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid --format '" + name + "': must be csv, json or parquet");
    }
  }

  static void print(LoadSummary s) {
    System.out.printf("Loaded %s from %d file%s, %,d record%s: %,d inserted, %,d updated, %,d unchanged, %,d held, "
            + "%,d duplicate%s%n", s.table(), s.files(), s.files() == 1 ? "" : "s", s.records(), s.records() == 1 ? "" : "s",
        s.inserted(), s.updated(), s.unchanged(), s.held(), s.duplicates(), s.duplicates() == 1 ? "" : "s");
    if (!s.ignored().isEmpty()) {
      System.out.println("  ignored file columns (no column of the table; --map one to load it): " + String.join(", ", s.ignored()));
    }
    if (s.held() > 0) {
      System.out.println("  held rows by rule (ops.quarantine, stage 'load'; fix the file and load it again):");
      s.heldByRule().forEach((rule, n) -> System.out.printf("    %-36s %,8d%n", rule, n));
      s.examples().forEach(e -> System.out.println("    " + e));
    }
    System.out.println(s.changedNothing() ? "  the table is unchanged (version " + s.version() + ")"
        : "  table version " + s.version());
  }

  private static void describe(LoadSpec spec) {
    System.out.printf("%s (%s, keys %s)%n", spec.table(), spec.mode() == LoadSpec.Mode.SCD2 ? "type 2 dimension: --as-of"
        + " required" : "merge on keys", String.join(", ", spec.keys()));
    for (StructField field : spec.columns().fields()) {
      String c = field.name();
      String role;
      if (spec.derived().containsKey(c)) {
        role = "derived: " + spec.derived().get(c);
      } else if (spec.mode() == LoadSpec.Mode.SCD2 && LoadSpec.SCD2_COLUMNS.contains(c)) {
        role = "kept by the load (type 2 versions)";
      } else if (spec.defaults().containsKey(c)) {
        role = (spec.required().contains(c) ? "required, " : "") + "default: " + spec.defaults().get(c);
      } else {
        role = spec.required().contains(c) ? "required" : "optional";
      }
      String allowed = spec.allowed().containsKey(c) ? "; " + LoadSpec.describeAllowed(spec.allowed().get(c)) : "";
      System.out.printf("  %-18s %-10s %s%s%n", c, field.dataType().sql(), role, allowed);
    }
    spec.checks().values().forEach(check -> System.out.printf("  check %s: %s (%s)%n", check.rule(), check.reason(),
        check.condition()));
  }
}
