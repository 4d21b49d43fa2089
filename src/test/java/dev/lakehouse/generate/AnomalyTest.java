package dev.lakehouse.generate;

import static dev.lakehouse.generate.GeneratedDay.HOUR_MS;
import static dev.lakehouse.generate.GeneratedDay.MINUTE_MS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnomalyTest {
  private static final String SCANNER = "198.51.100.23";
  private static final long BURST_FROM_MS = 16 * HOUR_MS;
  private static final AnomalyPlan ERROR_BURST = new AnomalyPlan(Set.of(Anomaly.ERROR_BURST), GeneratedDay.DAY_START_MS);
  private static final Catalog CATALOG = new Catalog(new SplittableRandom(1));
  private static final Users USERS = new Users(new SplittableRandom(1));

  @Test
  void aScanningIpProbesHundredsOfMissingPaths() {
    List<String> scans = requestsFrom(GeneratedDay.withAllAnomalies(), SCANNER);
    assertThat(scans.size()).isGreaterThanOrEqualTo(200);
    assertThat(scans.stream().filter(line -> status(line).equals("404")).count()).isGreaterThan(scans.size() / 2);
    assertThat(scans.stream().map(line -> LogRecordsTest.group(LogRecordsTest.APACHE_COMBINED, line, 4)).distinct())
        .hasSize(scans.size());
    assertThat(scans).allMatch(line -> line.contains("Nikto") || line.contains("sqlmap"));
    assertThat(requestsFrom(GeneratedDay.clean(), SCANNER)).isEmpty();
  }

  @Test
  void theScanTakesAFewMinutesAroundThree() {
    List<Long> offsets = GeneratedDay.withAllAnomalies().of(Topics.LOGS_ACCESS).stream()
        .filter(r -> GeneratedDay.text(r.value()).startsWith(SCANNER + " "))
        .map(GeneratedDay::offsetMs).collect(Collectors.toList());
    assertThat(offsets.get(0)).isBetween(2 * HOUR_MS + 50 * MINUTE_MS, 3 * HOUR_MS);
    assertThat(offsets.get(offsets.size() - 1) - offsets.get(0)).isLessThanOrEqualTo(10 * MINUTE_MS);
  }

  @Test
  void cardTestingMakesManySmallOnlinePaymentsOnOneCard() {
    List<JsonNode> tests = cardTests(GeneratedDay.withAllAnomalies());
    assertThat(tests.size()).isGreaterThanOrEqualTo(20);
    assertThat(tests.stream().map(p -> p.get("card_id").asText()).distinct()).hasSize(1);
    assertThat(tests).allMatch(p -> p.get("amount_cents").asLong() >= 100 && p.get("amount_cents").asLong() <= 300)
        .allMatch(p -> p.get("is_fraud").asBoolean())
        .allMatch(p -> p.get("merchant_category").asText().equals("online_services"));
    long spanMs = GeneratedDay.offsetMs(tests.get(tests.size() - 1), "paid_at") - GeneratedDay.offsetMs(tests.get(0), "paid_at");
    assertThat(spanMs).isLessThanOrEqualTo(10 * MINUTE_MS);
    assertThat(cardTests(GeneratedDay.clean())).isEmpty();
  }

  @Test
  void aRevenueSpikeDwarfsTheUsualTenMinutes() {
    long[] revenue = revenueByTenMinutes(GeneratedDay.withAllAnomalies());
    int fromTwoPm = 14 * 6;
    assertThat(revenue[fromTwoPm]).isGreaterThan(5 * median(revenue));
    long[] others = IntStream.range(0, revenue.length).filter(w -> w != fromTwoPm).mapToLong(w -> revenue[w]).toArray();
    assertThat(revenue[fromTwoPm]).isGreaterThan(2 * Arrays.stream(others).max().orElseThrow());
  }

  @Test
  void anErrorBurstFailsAboutAThirdOfRequestsForFiveMinutes() {
    AccessLogGenerator accessLogs = new AccessLogGenerator(CATALOG, USERS, new IpPool(new SplittableRandom(1)),
        new SplittableRandom(2), new TimeFormats(GeneratedDay.DAY), ERROR_BURST);
    assertThat(serverErrorShare(accessLogs, BURST_FROM_MS)).isBetween(0.25, 0.4);
    assertThat(serverErrorShare(accessLogs, BURST_FROM_MS + 5 * MINUTE_MS)).isLessThan(0.02);
    assertThat(serverErrorShare(accessLogs, BURST_FROM_MS - 1)).isLessThan(0.02);
  }

  @Test
  void anErrorBurstRaisesCheckoutErrors() {
    AppLogGenerator appLogs = new AppLogGenerator(CATALOG, USERS, new SplittableRandom(2),
        new TimeFormats(GeneratedDay.DAY), ERROR_BURST);
    assertThat(errorShare(appLogs, AnomalyPlan.BURST_SERVICE, BURST_FROM_MS)).isGreaterThan(0.3);
    assertThat(errorShare(appLogs, AnomalyPlan.BURST_SERVICE, BURST_FROM_MS + 5 * MINUTE_MS)).isLessThan(0.1);
    assertThat(errorShare(appLogs, "catalog", BURST_FROM_MS)).isLessThan(0.1);
  }

  private static List<String> requestsFrom(GeneratedDay day, String ip) {
    return day.lines(Topics.LOGS_ACCESS).stream().filter(line -> line.startsWith(ip + " ")).collect(Collectors.toList());
  }

  private static String status(String line) {
    return LogRecordsTest.group(LogRecordsTest.APACHE_COMBINED, line, 6);
  }

  private static List<JsonNode> cardTests(GeneratedDay day) {
    return day.json(Topics.FINANCE_PAYMENTS).stream()
        .filter(p -> p.get("fraud_pattern").asText().equals("card_testing")).collect(Collectors.toList());
  }

  private static long[] revenueByTenMinutes(GeneratedDay day) {
    long[] revenue = new long[24 * 6];
    List<GeneratedRecord> records = day.of(Topics.COMMERCE_ORDERS);
    List<JsonNode> lines = day.json(Topics.COMMERCE_ORDERS);
    for (int i = 0; i < lines.size(); i++) {
      int window = (int) (GeneratedDay.offsetMs(records.get(i)) / (10 * MINUTE_MS));
      revenue[window] += lines.get(i).get("quantity").asLong() * lines.get(i).get("unit_price_cents").asLong();
    }
    return revenue;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  // 2,000 requests at one moment
  private static double serverErrorShare(AccessLogGenerator accessLogs, long offsetMs) {
    long errors = IntStream.range(0, 2_000)
        .mapToObj(i -> GeneratedDay.text(accessLogs.request(GeneratedDay.DAY_START_MS + offsetMs).value()))
        .filter(line -> status(line).startsWith("5")).count();
    return errors / 2_000.0;
  }

  // the share of errors among 4,000 log entries of all services at one moment
  private static double errorShare(AppLogGenerator appLogs, String service, long offsetMs) {
    List<JsonNode> entries = IntStream.range(0, 4_000)
        .mapToObj(i -> GeneratedDay.parse(appLogs.entry(GeneratedDay.DAY_START_MS + offsetMs).value()))
        .filter(e -> e.get("service").asText().equals(service)).collect(Collectors.toList());
    return entries.stream().filter(e -> e.get("level").asText().equals("ERROR")).count() / (double) entries.size();
  }
}
