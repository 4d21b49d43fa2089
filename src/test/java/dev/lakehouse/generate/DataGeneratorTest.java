package dev.lakehouse.generate;

import static dev.lakehouse.generate.GeneratedDay.DAY;
import static dev.lakehouse.generate.GeneratedDay.DAY_START_MS;
import static dev.lakehouse.generate.GeneratedDay.HOUR_MS;
import static dev.lakehouse.generate.GeneratedDay.assertEvery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DataGeneratorTest {
  private static final Map<String, Double> SHARES = Map.of(
      Topics.COMMERCE_EVENTS, 0.45, Topics.COMMERCE_ORDERS, 0.06, Topics.COMMERCE_INVENTORY, 0.03,
      Topics.LOGS_ACCESS, 0.25, Topics.LOGS_SYSLOG, 0.05, Topics.LOGS_APP, 0.08,
      Topics.FINANCE_PAYMENTS, 0.075, Topics.FINANCE_PRICES, 0.005);

  @Test
  void sameSettingsGiveByteIdenticalRecords() {
    GeneratorSettings settings = new GeneratorSettings(11, DAY, 0.02, Set.of(Anomaly.values()));
    List<GeneratedRecord> first = generate(settings, 5_000);
    List<GeneratedRecord> second = generate(settings, 5_000);
    assertEvery(IntStream.range(0, first.size()).boxed().toList(), i -> isSame(first.get(i), second.get(i)),
        "is the same in both runs");
  }

  @Test
  void anotherSeedGivesOtherRecords() {
    List<GeneratedRecord> first = generate(new GeneratorSettings(11, DAY, 0, Set.of()), 1_000);
    List<GeneratedRecord> second = generate(new GeneratorSettings(12, DAY, 0, Set.of()), 1_000);
    assertThat(countSameValues(first, second)).isLessThan(50);
  }

  @Test
  void anotherDayKeepsTheCatalogueButChangesTheActivity() {
    GeneratedDay today = GeneratedDay.clean();
    GeneratedDay tomorrow = GeneratedDay.of(new GeneratorSettings(7, DAY.plusDays(1), 0, Set.of()), 5_000);
    Map<String, Long> todaysPrices = unitPrices(today);
    Map<String, Long> tomorrowsPrices = unitPrices(tomorrow);
    tomorrowsPrices.keySet().retainAll(todaysPrices.keySet());
    assertThat(tomorrowsPrices).hasSizeGreaterThan(50);
    tomorrowsPrices.forEach((product, price) -> assertThat(price).as(product).isEqualTo(todaysPrices.get(product)));
    assertThat(countSameValues(today.records.subList(0, 2_000), tomorrow.records.subList(0, 2_000))).isZero();
  }

  @Test
  void producesExactlyTheTotalAndThenStops() {
    for (long total : new long[] {0, 1, 7, 1_999, 4_321}) {
      DataGenerator generator = new DataGenerator(new GeneratorSettings(3, DAY, 0.1, Set.of(Anomaly.values())), total);
      long produced = 0;
      while (generator.hasNext()) {
        generator.next();
        produced++;
      }
      assertThat(produced).isEqualTo(total);
      assertThat(generator.countsByTopic().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
      assertThatThrownBy(generator::next).isInstanceOf(NoSuchElementException.class)
          .hasMessageStartingWith("Cannot produce record " + (total + 1));
    }
  }

  @Test
  void rejectsANegativeTotal() {
    assertThatThrownBy(() -> new DataGenerator(new GeneratorSettings(3, DAY, 0, Set.of()), -1))
        .hasMessage("Invalid total records -1: must be >= 0");
  }

  @Test
  void countsFollowTheTopicMix() {
    GeneratedDay day = GeneratedDay.clean();
    assertThat(day.countsByTopic.keySet()).containsExactlyElementsOf(Topics.all());
    assertThat(day.countsByTopic.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(day.records.size());
    SHARES.forEach((topic, share) -> assertThat(day.countsByTopic.get(topic) / (double) day.records.size())
        .as("share of %s", topic).isCloseTo(share, within(share * 0.15)));
    SHARES.keySet().forEach(topic -> assertThat(day.of(topic)).hasSize(day.countsByTopic.get(topic).intValue()));
  }

  @Test
  void timesFillTheDayInOrder() {
    List<GeneratedRecord> records = GeneratedDay.clean().records;
    assertEvery(records, r -> r.timestampMs() >= DAY_START_MS && r.timestampMs() < DAY_START_MS + 24 * HOUR_MS,
        "falls within the day");
    assertEvery(IntStream.range(1, records.size()).boxed().toList(),
        i -> records.get(i).timestampMs() >= records.get(i - 1).timestampMs(), "is not earlier than the one before");
    assertThat(records.get(0).timestampMs()).isLessThan(DAY_START_MS + HOUR_MS);
    assertThat(records.get(records.size() - 1).timestampMs()).isGreaterThan(DAY_START_MS + 23 * HOUR_MS);
  }

  @Test
  void trafficPeaksInTheEveningAndDipsAtNight() {
    long[] byHour = new long[24];
    GeneratedDay.clean().records.forEach(r -> byHour[(int) (GeneratedDay.offsetMs(r) / HOUR_MS)]++);
    long evening = byHour[18] + byHour[19] + byHour[20] + byHour[21];
    long night = byHour[2] + byHour[3] + byHour[4] + byHour[5];
    assertThat(evening).isGreaterThan(3 * night);
    assertThat(indexOf(byHour, Arrays.stream(byHour).min().orElseThrow())).isBetween(3, 5);
    assertThat(indexOf(byHour, Arrays.stream(byHour).max().orElseThrow())).isBetween(18, 21);
  }

  @Test
  void theEventTimeInTheValueIsTheRecordTimestamp() {
    GeneratedDay day = GeneratedDay.clean();
    List<GeneratedRecord> orders = day.of(Topics.COMMERCE_ORDERS);
    for (int i = 0; i < orders.size(); i += 50) {
      assertThat(GeneratedDay.offsetMs(day.json(Topics.COMMERCE_ORDERS).get(i), "ordered_at"))
          .isEqualTo(GeneratedDay.offsetMs(orders.get(i)));
    }
  }

  private static List<GeneratedRecord> generate(GeneratorSettings settings, long total) {
    List<GeneratedRecord> records = new ArrayList<>();
    new DataGenerator(settings, total).forEachRemaining(records::add);
    assertThat(records).hasSize((int) total);
    return records;
  }

  private static boolean isSame(GeneratedRecord first, GeneratedRecord second) {
    return first.topic().equals(second.topic()) && Arrays.equals(first.key(), second.key())
        && Arrays.equals(first.value(), second.value()) && first.timestampMs() == second.timestampMs();
  }

  private static long countSameValues(List<GeneratedRecord> first, List<GeneratedRecord> second) {
    Set<String> values = new HashSet<>();
    first.forEach(r -> values.add(GeneratedDay.text(r.value())));
    return second.stream().filter(r -> values.contains(GeneratedDay.text(r.value()))).count();
  }

  private static Map<String, Long> unitPrices(GeneratedDay day) {
    Map<String, Long> prices = new HashMap<>();
    day.json(Topics.COMMERCE_ORDERS).forEach(o -> prices.put(o.get("product_id").asText(), o.get("unit_price_cents").asLong()));
    return prices;
  }

  private static int indexOf(long[] values, long value) {
    return IntStream.range(0, values.length).filter(i -> values[i] == value).findFirst().orElseThrow();
  }
}
