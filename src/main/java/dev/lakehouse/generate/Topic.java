package dev.lakehouse.generate;

/** A topic with its share of all records, its value format and the field that identifies a record. */
enum Topic {
  COMMERCE_EVENTS(Topics.COMMERCE_EVENTS, 0.45, "event_id"),
  COMMERCE_ORDERS(Topics.COMMERCE_ORDERS, 0.06, "order_id"),
  COMMERCE_INVENTORY(Topics.COMMERCE_INVENTORY, 0.03, "change_id"),
  LOGS_ACCESS(Topics.LOGS_ACCESS, 0.25, null),
  LOGS_SYSLOG(Topics.LOGS_SYSLOG, 0.05, null),
  LOGS_APP(Topics.LOGS_APP, 0.08, "trace_id"),
  FINANCE_PAYMENTS(Topics.FINANCE_PAYMENTS, 0.075, "payment_id"),
  FINANCE_PRICES(Topics.FINANCE_PRICES, 0.005, "instrument_id");

  final String topicName;
  final double share;
  /** The id field a malformed record loses; null for raw-line topics, which are not JSON. */
  final String idField;

  Topic(String topicName, double share, String idField) {
    this.topicName = topicName;
    this.share = share;
    this.idField = idField;
  }

  boolean isJson() {
    return idField != null;
  }

  static Topic of(String topicName) {
    for (Topic topic : values()) {
      if (topic.topicName.equals(topicName)) {
        return topic;
      }
    }
    throw new IllegalArgumentException("Invalid topic " + topicName + ": expected one of " + Topics.all());
  }
}
