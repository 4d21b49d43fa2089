package dev.lakehouse.generate;

import java.util.SplittableRandom;

/** Fills the {placeholders} of application log templates with plausible values. */
final class AppMessages {
  private static final String[] QUERIES = {
      "wireless headphones", "running shoes", "coffee grinder", "lego", "garden hose", "usb-c cable",
      "yoga mat", "face cream", "winter jacket", "phone case"};

  private final Catalog catalog;
  private final Users users;
  private final SplittableRandom random;
  private final StringBuilder message = new StringBuilder(160);

  AppMessages(Catalog catalog, Users users, SplittableRandom random) {
    this.catalog = catalog;
    this.users = users;
    this.random = random;
  }

  String fill(String template, long latencyMs, String errorType) {
    message.setLength(0);
    int from = 0;
    for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', from)) {
      int close = template.indexOf('}', open);
      message.append(template, from, open).append(value(template.substring(open + 1, close), latencyMs, errorType));
      from = close + 1;
    }
    return message.append(template, from, template.length()).toString();
  }

  private String value(String placeholder, long latencyMs, String errorType) {
    switch (placeholder) {
      case "product":
        return catalog.id(catalog.popularProduct(random));
      case "category":
        return Sampling.oneOf(random, Catalog.CATEGORIES);
      case "user":
        return users.id(users.activeUser(random));
      case "order":
        return orderId();
      case "query":
        return Sampling.oneOf(random, QUERIES);
      case "ms":
        return Long.toString(latencyMs);
      case "error":
        return errorType + ": " + cause(errorType);
      default:
        return Integer.toString(number(placeholder));
    }
  }

  private int number(String placeholder) {
    switch (placeholder) {
      case "items":
        return Sampling.geometric(random, 1.8, 12);
      case "attempt":
        return Sampling.between(random, 1, 3);
      case "page":
        return Sampling.geometric(random, 2, 20);
      case "euros":
        return (int) Math.round(Sampling.logNormal(random, 3.8, 0.8));
      case "seconds":
        return Sampling.between(random, 30, 300);
      case "terms":
        return Sampling.between(random, 1, 4);
      default:
        return Sampling.between(random, 2, 60);
    }
  }

  private String orderId() {
    StringBuilder id = new StringBuilder("o-");
    Ids.appendHex(id, random.nextLong(), 10);
    return id.toString();
  }

  private static String cause(String errorType) {
    switch (errorType) {
      case "TimeoutException":
        return "no response within 5000 ms";
      case "ConnectException":
        return "Connection refused: payments.internal:8443";
      case "SQLException":
        return "deadlock detected";
      case "NullPointerException":
        return "Cannot invoke \"Product.price()\" because \"product\" is null";
      case "IllegalStateException":
        return "cart already checked out";
      case "JwtException":
        return "signature verification failed";
      default:
        return "gateway answered 502 Bad Gateway";
    }
  }
}
