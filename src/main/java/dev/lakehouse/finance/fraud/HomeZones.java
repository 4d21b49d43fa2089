package dev.lakehouse.finance.fraud;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fixed table from a customer's home country (ISO 3166 alpha-2) to the time zone the unusual-hour
 * rule judges the customer's night in. It covers the countries the payment generator uses.
 *
 * <p>A country with several zones maps to the zone of its main card-holder city, the one the
 * generator places its merchants around: US to New York, BR to São Paulo, AU to Sydney. Zones are
 * region ids, not fixed offsets, so daylight saving time is applied for the payment's date.
 */
public final class HomeZones {
  private static final Map<String, ZoneId> ZONES = Map.ofEntries(
      Map.entry("DE", ZoneId.of("Europe/Berlin")),
      Map.entry("FR", ZoneId.of("Europe/Paris")),
      Map.entry("NL", ZoneId.of("Europe/Amsterdam")),
      Map.entry("ES", ZoneId.of("Europe/Madrid")),
      Map.entry("IT", ZoneId.of("Europe/Rome")),
      Map.entry("AT", ZoneId.of("Europe/Vienna")),
      Map.entry("PL", ZoneId.of("Europe/Warsaw")),
      Map.entry("GB", ZoneId.of("Europe/London")),
      Map.entry("IE", ZoneId.of("Europe/Dublin")),
      Map.entry("US", ZoneId.of("America/New_York")),
      Map.entry("BR", ZoneId.of("America/Sao_Paulo")),
      Map.entry("JP", ZoneId.of("Asia/Tokyo")),
      Map.entry("AU", ZoneId.of("Australia/Sydney")),
      Map.entry("SG", ZoneId.of("Asia/Singapore")),
      Map.entry("ZA", ZoneId.of("Africa/Johannesburg")));

  private HomeZones() {}

  /** The zone of a home country, case-insensitive; empty for a country not in the table or null. */
  public static Optional<ZoneId> of(String countryCode) {
    return countryCode == null
        ? Optional.empty()
        : Optional.ofNullable(ZONES.get(countryCode.toUpperCase(Locale.ROOT)));
  }
}
