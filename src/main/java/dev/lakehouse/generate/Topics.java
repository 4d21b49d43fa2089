package dev.lakehouse.generate;

import java.util.List;

/** The Kafka topics the generator writes, one per source. */
public final class Topics {
  public static final String COMMERCE_EVENTS = "commerce.events";
  public static final String COMMERCE_ORDERS = "commerce.orders";
  public static final String COMMERCE_INVENTORY = "commerce.inventory";
  public static final String LOGS_ACCESS = "logs.access";
  public static final String LOGS_SYSLOG = "logs.syslog";
  public static final String LOGS_APP = "logs.app";
  public static final String FINANCE_PAYMENTS = "finance.payments";
  public static final String FINANCE_PRICES = "finance.prices";

  private Topics() {}

  /** All topics, commerce first, then logs, then finance. */
  public static List<String> all() {
    return List.of(COMMERCE_EVENTS, COMMERCE_ORDERS, COMMERCE_INVENTORY,
        LOGS_ACCESS, LOGS_SYSLOG, LOGS_APP, FINANCE_PAYMENTS, FINANCE_PRICES);
  }
}
