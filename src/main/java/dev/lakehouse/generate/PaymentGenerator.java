package dev.lakehouse.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Card payments, the value of {@code finance.payments} (key: the card). Customers pay in their usual
 * categories near home, in amounts that fit their habits. A share near {@code fraudRate}
 * (see {@link GeneratorSettings}) is labelled fraud with one of four patterns, more of them at night;
 * card testing adds a burst of small online payments on one card.
 */
final class PaymentGenerator {
  // fraud is over three times as common at night (00:00-06:00) as by day: 0.45% and 1.5% at the
  // default rate of 0.5%; the night holds about 11% of payments, so the day's share is about 1.14 x rate
  private static final double DAY_FACTOR = 0.9;
  private static final double NIGHT_FACTOR = 3;
  private static final double NIGHT_ENDS_AT_HOUR = 6;
  private static final long ONE_HOUR_MS = Diurnal.HOUR_MS;
  private static final int[] EXPENSIVE_CATEGORIES = {1, 2, 6};
  private static final int[] TRAVEL_FRAUD_CATEGORIES = {1, 6, 3, 4};
  private static final int[] TAKEOVER_CATEGORIES = {1, 5};

  /** A payment before it is written; a null pattern means a genuine one. */
  private record Payment(int customer, String card, int merchant, long amountCents, String device,
      String fraudPattern) {}

  private final Customers customers;
  private final Merchants merchants;
  private final SplittableRandom random;
  private final TimeFormats time;
  private final Ids paymentIds;
  private final Ids newDevices;
  private final double dayFraudRate;
  private final double nightFraudRate;
  private final JsonWriter json;
  private final int cardTestingVictim;
  private final String cardTestingCard;
  private final String cardTestingDevice;
  private Payment lastGenuine;
  private long lastGenuineAtMs = Long.MIN_VALUE;

  PaymentGenerator(Customers customers, Merchants merchants, SplittableRandom random, TimeFormats time,
      double fraudRate) {
    this.dayFraudRate = fraudRate * DAY_FACTOR;
    this.nightFraudRate = Math.min(1, fraudRate * NIGHT_FACTOR);
    this.customers = customers;
    this.merchants = merchants;
    this.random = random;
    this.time = time;
    this.paymentIds = new Ids("pay-", random);
    this.newDevices = new Ids("dev-", random);
    this.json = new JsonWriter(time);
    this.cardTestingVictim = random.nextInt(Customers.CUSTOMERS);
    this.cardTestingCard = customers.card(cardTestingVictim, random);
    this.cardTestingDevice = newDevices.next();
  }

  /** The next payment; an impossible-travel fraud may need a genuine payment first. */
  void payment(long atMs, List<GeneratedRecord> out) {
    boolean isNight = time.hourOfDay(atMs) < NIGHT_ENDS_AT_HOUR;
    if (Sampling.chance(random, isNight ? nightFraudRate : dayFraudRate)) {
      fraud(isNight, atMs, out);
    } else {
      out.add(genuine(atMs));
    }
  }

  /** One of the card-testing burst: a small online payment on the victim's card. */
  GeneratedRecord cardTest(long atMs) {
    int merchant = merchants.merchantIn(Geography.nearbyCountry(random), Merchants.ONLINE_SERVICES, random);
    return record(new Payment(cardTestingVictim, cardTestingCard, merchant, Sampling.between(random, 100, 300),
        cardTestingDevice, "card_testing"), atMs);
  }

  private GeneratedRecord genuine(long atMs) {
    int customer = customers.activeCustomer(random);
    int country = Sampling.chance(random, 0.95) ? customers.home(customer) : Geography.nearbyCountry(random);
    int category = customers.usualCategory(customer, random);
    int merchant = merchants.merchantIn(country, category, random);
    lastGenuine = new Payment(customer, customers.card(customer, random), merchant,
        customers.amountCents(customer, category, random), customers.device(customer, random), null);
    lastGenuineAtMs = atMs;
    return record(lastGenuine, atMs);
  }

  // mostly large amounts at night, otherwise one of the other three patterns
  private void fraud(boolean isNight, long atMs, List<GeneratedRecord> out) {
    switch (isNight && Sampling.chance(random, 0.6) ? 0 : 1 + random.nextInt(3)) {
      case 0:
        out.add(record(largeAmount(customers.activeCustomer(random)), atMs));
        break;
      case 1:
        impossibleTravel(atMs, out);
        break;
      case 2:
        out.add(record(newMerchantCategory(customers.activeCustomer(random)), atMs));
        break;
      default:
        out.add(record(accountTakeover(customers.activeCustomer(random)), atMs));
    }
  }

  private Payment largeAmount(int customer) {
    int category = EXPENSIVE_CATEGORIES[random.nextInt(EXPENSIVE_CATEGORIES.length)];
    return new Payment(customer, customers.card(customer, random),
        merchants.merchantIn(customers.home(customer), category, random),
        customers.typicalCents(customer, category) * Sampling.between(random, 10, 30),
        customers.device(customer, random), "large_amount_unusual_hour");
  }

  // the card was just used at home; now it pays on another continent
  private void impossibleTravel(long atMs, List<GeneratedRecord> out) {
    if (lastGenuine == null || atMs - lastGenuineAtMs > ONE_HOUR_MS) {
      out.add(genuine(atMs));
    }
    int customer = lastGenuine.customer();
    int country = Geography.farCountry(merchants.country(lastGenuine.merchant()), random);
    int category = TRAVEL_FRAUD_CATEGORIES[random.nextInt(TRAVEL_FRAUD_CATEGORIES.length)];
    out.add(record(new Payment(customer, lastGenuine.card(), merchants.merchantIn(country, category, random),
        customers.typicalCents(customer, category) * Sampling.between(random, 2, 6), lastGenuine.device(),
        "impossible_travel"), atMs));
  }

  private Payment newMerchantCategory(int customer) {
    int category = customers.unusualCategory(customer, random);
    return new Payment(customer, customers.card(customer, random),
        merchants.merchantIn(customers.home(customer), category, random),
        customers.typicalCents(customer, category) * Sampling.between(random, 3, 8),
        customers.device(customer, random), "new_merchant_category");
  }

  private Payment accountTakeover(int customer) {
    int category = TAKEOVER_CATEGORIES[random.nextInt(TAKEOVER_CATEGORIES.length)];
    return new Payment(customer, customers.card(customer, random),
        merchants.merchantIn(Geography.nearbyCountry(random), category, random),
        customers.typicalCents(customer, category) * Sampling.between(random, 2, 10), newDevices.next(),
        "account_takeover_new_device");
  }

  private GeneratedRecord record(Payment payment, long atMs) {
    int merchant = payment.merchant();
    byte[] value = json.begin()
        .field("payment_id", paymentIds.next())
        .field("customer_id", customers.id(payment.customer()))
        .field("customer_country", Geography.CODES[customers.home(payment.customer())])
        .field("card_id", payment.card())
        .field("merchant_id", merchants.id(merchant))
        .field("merchant_category", merchants.category(merchant))
        .field("merchant_country", Geography.CODES[merchants.country(merchant)])
        .field("amount_cents", payment.amountCents())
        .field("currency", Geography.currency(merchants.country(merchant)))
        .field("device_id", payment.device())
        .field("lat", merchants.latitude(merchant))
        .field("lon", merchants.longitude(merchant))
        .instant("paid_at", atMs)
        .field("is_fraud", payment.fraudPattern() != null)
        .field("fraud_pattern", payment.fraudPattern())
        .end();
    return new GeneratedRecord(Topics.FINANCE_PAYMENTS, Keys.of(payment.card()), value, atMs);
  }
}
