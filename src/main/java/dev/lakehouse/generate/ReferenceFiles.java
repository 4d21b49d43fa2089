package dev.lakehouse.generate;

import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import dev.lakehouse.logs.parse.UserAgentInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The generator's reference data as the CSV files a user would bring, for {@code bin/lakehouse load}:
 * the product catalogue and customers of a seed, and a market history (instruments, daily closes,
 * the portfolios' positions as of its first trading day, the crash window). Each file is written
 * under a hidden name and renamed when complete.
 */
public final class ReferenceFiles {
  /** The files written, by the table each one loads into, in the order to load them. */
  public record Written(Map<String, Path> byTable, MarketHistory history) {}

  private ReferenceFiles() {}

  /** Products and customers of {@code seed}: products.csv and customers.csv in {@code dir}. */
  public static Map<String, Path> commerce(Path dir, long seed) {
    CommerceCatalog catalog = CommerceCatalog.of(seed);
    Map<String, Path> written = new LinkedHashMap<>();
    written.put("silver.commerce_products", csv(dir.resolve("products.csv"),
        List.of("product_id", "category", "brand", "list_price_cents"),
        out -> catalog.products().forEach(p -> out.accept(new Object[] {p.productId(), p.category(), p.brand(),
            p.listPriceCents()}))));
    written.put("silver.commerce_customers", csv(dir.resolve("customers.csv"), List.of("user_id", "user_agent", "is_bot"),
        out -> catalog.users().forEach(u -> out.accept(new Object[] {u.userId(), u.userAgent(),
            u.isBot() || UserAgentInfo.of(u.userAgent()).isBot()}))));
    return written;
  }

  /**
   * The market history of {@code seed} from {@code from} to {@code to}: instruments.csv, prices.csv,
   * positions.csv (as of the first trading day) and market_windows.csv (the crash, when in range).
   */
  public static Written market(Path dir, long seed, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("Invalid range: --to " + to + " is before --from " + from);
    }
    MarketHistory history = MarketHistory.of(seed, from, to);
    if (history.tradingDays().isEmpty()) {
      throw new IllegalArgumentException("Cannot generate a market history: no trading day (Monday to Friday) between "
          + from + " and " + to);
    }
    Map<String, Path> written = new LinkedHashMap<>();
    written.put("silver.finance_instruments", csv(dir.resolve("instruments.csv"),
        List.of("instrument_id", "name", "asset_class", "sector", "currency", "fx_currency"),
        out -> history.instruments().forEach(i -> out.accept(new Object[] {i.id(), i.name(), i.assetClass().label(),
            i.sector().label(), i.currency(), i.assetClass() == Instrument.AssetClass.FX ? i.id().substring(0, 3) : null}))));
    written.put("silver.finance_prices", csv(dir.resolve("prices.csv"),
        List.of("price_date", "instrument_id", "close", "currency", "source"),
        out -> history.forEach(c -> out.accept(new Object[] {c.day(), c.instrumentId(), c.close(), c.currency(),
            history.source()}))));
    LocalDate first = history.tradingDays().get(0);
    written.put("silver.finance_positions", csv(dir.resolve("positions.csv"),
        List.of("as_of_date", "portfolio_id", "instrument_id", "quantity"),
        out -> Portfolios.positions(first).forEach(p -> out.accept(new Object[] {first, p.portfolioId(), p.instrumentId(),
            p.quantity()}))));
    history.crashWindow().ifPresent(crash -> written.put("silver.finance_market_windows", csv(
        dir.resolve("market_windows.csv"), List.of("window_name", "from_date", "to_date", "description"),
        out -> out.accept(new Object[] {"crash", crash.first(), crash.last(),
            "generated equity crash, peak to trough (" + history.source() + ")"}))));
    return new Written(written, history);
  }

  private static Path csv(Path file, List<String> header, Consumer<Consumer<Object[]>> rows) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
      try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        CsvWriterSettings settings = new CsvWriterSettings();
        settings.getFormat().setLineSeparator("\n");
        CsvWriter csv = new CsvWriter(writer, settings);
        csv.writeHeaders(header);
        rows.accept(values -> csv.writeRow(text(values)));
        csv.close();
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static Object[] text(Object[] values) {
    Object[] text = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      text[i] = values[i] == null ? null : values[i].toString();
    }
    return text;
  }
}
