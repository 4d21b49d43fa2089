package dev.lakehouse.generate;

import static dev.lakehouse.generate.GeneratedDay.assertEvery;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakehouse.finance.fraud.HomeZones;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FinanceRecordsTest {
  private static final List<String> PATTERNS = List.of("large_amount_unusual_hour", "impossible_travel",
      "new_merchant_category", "account_takeover_new_device");
  private static List<GeneratedRecord> paymentsOverOneDay;

  @Test
  void paymentsAreKeyedByCardAndCarryAllFields() {
    List<GeneratedRecord> records = GeneratedDay.clean().of(Topics.FINANCE_PAYMENTS);
    List<JsonNode> payments = GeneratedDay.clean().json(Topics.FINANCE_PAYMENTS);
    assertEvery(IntStream.range(0, records.size()).boxed().toList(),
        i -> GeneratedDay.text(records.get(i).key()).equals(payments.get(i).get("card_id").asText()), "is keyed by card");
    assertEvery(payments, p -> p.get("amount_cents").asLong() > 0, "has a positive amount");
    assertEvery(payments, p -> List.of("EUR", "USD", "GBP").contains(p.get("currency").asText()), "has a currency");
    assertEvery(payments, p -> Arrays.asList(Merchants.CATEGORIES).contains(p.get("merchant_category").asText()),
        "has a merchant category");
    assertEvery(payments, p -> Math.abs(p.get("lat").asDouble()) <= 90 && Math.abs(p.get("lon").asDouble()) <= 180,
        "has a place");
    assertEvery(payments, p -> p.get("fraud_pattern").isNull() == !p.get("is_fraud").asBoolean(),
        "has a fraud pattern exactly when it is fraud");
    assertEvery(payments, p -> HomeZones.of(p.get("customer_country").asText()).isPresent(),
        "has a customer home country with a known time zone");
  }

  @Test
  void aCustomerKeepsOneHomeCountryAndMostlyPaysThere() {
    List<JsonNode> payments = GeneratedDay.clean().json(Topics.FINANCE_PAYMENTS);
    Map<String, Long> homesPerCustomer = payments.stream().collect(Collectors.groupingBy(
        p -> p.get("customer_id").asText(),
        Collectors.collectingAndThen(Collectors.mapping(p -> p.get("customer_country").asText(), Collectors.toSet()),
            homes -> (long) homes.size())));
    assertThat(homesPerCustomer.values()).containsOnly(1L);
    long atHome = payments.stream()
        .filter(p -> p.get("customer_country").asText().equals(p.get("merchant_country").asText())).count();
    // 95% of genuine payments are at home; travel and fraud patterns take the rest abroad
    assertThat(atHome / (double) payments.size()).isBetween(0.85, 0.99);
  }

  @Test
  void theFraudRateIsConfigurable() {
    // 0.9 x 5% by day, 3 x 5% at night (about 11% of payments): about 5.7% over the day
    long frauds = generatePayments(20_000, 0.05).stream()
        .filter(p -> GeneratedDay.text(p.value()).contains("\"is_fraud\":true")).count();
    assertThat(frauds / 20_000.0).isBetween(0.045, 0.07);
    assertThat(generatePayments(5_000, 0).stream()
        .filter(p -> GeneratedDay.text(p.value()).contains("\"is_fraud\":true")).count()).isZero();
  }

  @Test
  void aboutHalfAPercentOfPaymentsAreLabelledFraud() {
    List<GeneratedRecord> payments = paymentsOverOneDay();
    Map<String, Long> byPattern = payments.stream().filter(p -> GeneratedDay.text(p.value()).contains("\"is_fraud\":true"))
        .map(p -> GeneratedDay.parse(p.value()))
        .collect(Collectors.groupingBy(p -> p.get("fraud_pattern").asText(), Collectors.counting()));
    long frauds = byPattern.values().stream().mapToLong(Long::longValue).sum();
    assertThat(frauds / (double) payments.size()).isBetween(0.003, 0.008);
    assertThat(byPattern.keySet()).containsExactlyInAnyOrderElementsOf(PATTERNS);
  }

  @Test
  void impossibleTravelFollowsAPaymentOnTheSameCardWithinAnHour() {
    Map<String, GeneratedRecord> lastByCard = new HashMap<>();
    List<GeneratedRecord> travels = new ArrayList<>();
    for (GeneratedRecord payment : paymentsOverOneDay()) {
      String card = GeneratedDay.text(payment.key());
      if (GeneratedDay.text(payment.value()).contains("\"impossible_travel\"")) {
        GeneratedRecord before = lastByCard.get(card);
        assertThat(before).isNotNull();
        assertThat(country(before)).isNotEqualTo(country(payment));
        assertThat(payment.timestampMs() - before.timestampMs()).isLessThanOrEqualTo(GeneratedDay.HOUR_MS);
        travels.add(payment);
      }
      lastByCard.put(card, payment);
    }
    assertThat(travels).isNotEmpty();
  }

  @Test
  void everyInstrumentTicksOncePerIntervalAtAPositivePrice() {
    List<JsonNode> ticks = GeneratedDay.clean().json(Topics.FINANCE_PRICES);
    Map<String, Long> byInstrument = ticks.stream()
        .collect(Collectors.groupingBy(t -> t.get("instrument_id").asText(), Collectors.counting()));
    assertThat(byInstrument).hasSize(PriceGenerator.INSTRUMENT_COUNT);
    assertThat(byInstrument.values()).containsOnly((long) Schedule.priceIntervals(GeneratedDay.clean().records.size()));
    assertEvery(ticks, t -> t.get("price").asDouble() > 0, "has a positive price");
  }

  @Test
  void pricesMoveTogetherWithTheMarketAndStayPositive() {
    PriceGenerator prices = new PriceGenerator(new SplittableRandom(5), new TimeFormats(GeneratedDay.DAY), 300);
    List<GeneratedRecord> ticks = new ArrayList<>();
    for (int interval = 0; interval < 300; interval++) {
      prices.ticks(GeneratedDay.DAY_START_MS + interval * 288_000L, ticks);
    }
    List<JsonNode> parsed = ticks.stream().map(t -> GeneratedDay.parse(t.value())).collect(Collectors.toList());
    assertEvery(parsed, t -> t.get("price").asDouble() > 0, "has a positive price");
    assertThat(correlation(returns(parsed, "AAPL"), returns(parsed, "MSFT"))).isGreaterThan(0.2);
  }

  // 20,000 payments alone, evenly over the day, from the payments generator without the other topics
  private static synchronized List<GeneratedRecord> paymentsOverOneDay() {
    if (paymentsOverOneDay == null) {
      paymentsOverOneDay = generatePayments(20_000);
    }
    return paymentsOverOneDay;
  }

  private static List<GeneratedRecord> generatePayments(int count) {
    return generatePayments(count, GeneratorSettings.DEFAULT_FRAUD_RATE);
  }

  private static List<GeneratedRecord> generatePayments(int count, double fraudRate) {
    SplittableRandom world = new SplittableRandom(5);
    PaymentGenerator generator = new PaymentGenerator(new Customers(world.split()), new Merchants(world.split()),
        new SplittableRandom(6), new TimeFormats(GeneratedDay.DAY), fraudRate);
    List<GeneratedRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      generator.payment(GeneratedDay.DAY_START_MS + i * (24 * GeneratedDay.HOUR_MS / count), records);
    }
    return records;
  }

  private static String country(GeneratedRecord payment) {
    return GeneratedDay.parse(payment.value()).get("merchant_country").asText();
  }

  private static double[] returns(List<JsonNode> ticks, String instrument) {
    double[] prices = ticks.stream().filter(t -> t.get("instrument_id").asText().equals(instrument))
        .mapToDouble(t -> t.get("price").asDouble()).toArray();
    return IntStream.range(1, prices.length).mapToDouble(i -> Math.log(prices[i] / prices[i - 1])).toArray();
  }

  private static double correlation(double[] x, double[] y) {
    double meanX = Arrays.stream(x).average().orElse(0);
    double meanY = Arrays.stream(y).average().orElse(0);
    double covariance = 0;
    double varianceX = 0;
    double varianceY = 0;
    for (int i = 0; i < x.length; i++) {
      covariance += (x[i] - meanX) * (y[i] - meanY);
      varianceX += (x[i] - meanX) * (x[i] - meanX);
      varianceY += (y[i] - meanY) * (y[i] - meanY);
    }
    return covariance / Math.sqrt(varianceX * varianceY);
  }
}
