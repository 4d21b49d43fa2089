package dev.lakehouse.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The per-topic generators of the three domains, wired to one world (catalogue, users, clients,
 * customers, merchants) and routed by topic.
 */
final class DomainGenerators {
  private final ClickstreamGenerator clickstream;
  private final OrderGenerator orders;
  private final InventoryGenerator inventory;
  private final AccessLogGenerator accessLogs;
  private final SyslogGenerator syslog;
  private final AppLogGenerator appLogs;
  private final PaymentGenerator payments;
  private final PriceGenerator prices;

  /**
   * @param world random source of the things that stay the same from day to day
   * @param activity random source of what happens on the day
   */
  DomainGenerators(SplittableRandom world, SplittableRandom activity, TimeFormats time, AnomalyPlan plan,
      long totalRecords, double fraudRate) {
    Catalog catalog = new Catalog(world.split());
    Users users = new Users(world.split());
    IpPool clients = new IpPool(world.split());
    Customers customers = new Customers(world.split());
    Merchants merchants = new Merchants(world.split());
    long eventsPerDay = Math.round(totalRecords * Topic.COMMERCE_EVENTS.share);
    clickstream = new ClickstreamGenerator(catalog, users, activity.split(), time, eventsPerDay);
    orders = new OrderGenerator(catalog, users, clickstream.checkouts(), activity.split(), time, plan);
    inventory = new InventoryGenerator(catalog, activity.split(), time);
    accessLogs = new AccessLogGenerator(catalog, users, clients, activity.split(), time, plan);
    syslog = new SyslogGenerator(activity.split(), time);
    appLogs = new AppLogGenerator(catalog, users, activity.split(), time, plan);
    payments = new PaymentGenerator(customers, merchants, activity.split(), time, fraudRate);
    prices = new PriceGenerator(activity.split(), time, Schedule.priceIntervals(totalRecords));
  }

  /** Adds the next record (or records sharing one time) of a diurnal topic. */
  void produce(Topic topic, long atMs, List<GeneratedRecord> out) {
    switch (topic) {
      case COMMERCE_EVENTS:
        out.add(clickstream.event(atMs));
        break;
      case COMMERCE_ORDERS:
        orders.order(atMs, out);
        break;
      case COMMERCE_INVENTORY:
        out.add(inventory.change(atMs));
        break;
      case LOGS_ACCESS:
        out.add(accessLogs.request(atMs));
        break;
      case LOGS_SYSLOG:
        out.add(syslog.line(atMs));
        break;
      case LOGS_APP:
        out.add(appLogs.entry(atMs));
        break;
      case FINANCE_PAYMENTS:
        payments.payment(atMs, out);
        break;
      default:
        throw new IllegalArgumentException("Invalid diurnal topic " + topic.topicName + ": it ticks on a schedule");
    }
  }

  /** Adds the records of a scheduled entry. */
  void produce(Schedule.Entry entry, List<GeneratedRecord> out) {
    switch (entry.kind()) {
      case PRICE_TICKS:
        prices.ticks(entry.atMs(), out);
        break;
      case SCAN_REQUEST:
        out.add(accessLogs.scanRequest(entry.atMs(), entry.index()));
        break;
      default:
        out.add(payments.cardTest(entry.atMs()));
    }
  }
}
