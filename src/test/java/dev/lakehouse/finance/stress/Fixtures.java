package dev.lakehouse.finance.stress;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Positions and trading days shared by the stress tests; every position is in portfolio p1 unless named. */
final class Fixtures {
  static final String PORTFOLIO = "p1";

  private Fixtures() {}

  // 100 x 200 = 20,000
  static PositionValue aapl() {
    return position("AAPL", 100, 200, "USD", "equity", "technology");
  }

  // 50 x 150 = 7,500
  static PositionValue jpm() {
    return position("JPM", 50, 150, "USD", "equity", "financials");
  }

  // 100 x 90 = 9,000
  static PositionValue tlt() {
    return position("TLT", 100, 90, "USD", "bond", "rates");
  }

  // an EUR-quoted stock, price already in USD: 50 x 240 = 12,000
  static PositionValue sap() {
    return position("SAP", 50, 240, "EUR", "equity", "technology");
  }

  // 10,000 EUR at 1.10 USD each, quoted in USD: 11,000
  static PositionValue eurusd() {
    return new PositionValue(PORTFOLIO, "EURUSD", 10_000, 1.10, "USD", "fx", "currency", "EUR");
  }

  static PositionValue position(String instrument, double quantity, double price, String currency, String assetClass,
      String sector) {
    return new PositionValue(PORTFOLIO, instrument, quantity, price, currency, assetClass, sector);
  }

  static PositionValue equity(String portfolio, String instrument, double quantity, double price) {
    return new PositionValue(portfolio, instrument, quantity, price, "USD", "equity", "technology");
  }

  /** The first {@code count} weekdays from {@code first}, a Monday: 2024-01-01 gives Jan 1-5, Jan 8-12, ... */
  static List<LocalDate> weekdays(LocalDate first, int count) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate day = first; days.size() < count; day = day.plusDays(1)) {
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        days.add(day);
      }
    }
    return days;
  }
}
