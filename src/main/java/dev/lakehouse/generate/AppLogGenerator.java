package dev.lakehouse.generate;

import java.util.SplittableRandom;

/**
 * Structured application logs of the shop's services, the value of {@code logs.app} (key: the
 * service). Latency is log-normal per service; errors carry an exception type. During an error
 * burst the checkout service fails about half its calls because it cannot reach payments.
 */
final class AppLogGenerator {
  private static final String[] SERVICES = {"catalog", "search", "checkout", "auth", "payments"};
  private static final WeightedChoice SERVICE = WeightedChoice.of(0.35, 0.25, 0.15, 0.15, 0.10);
  private static final double[] MEDIAN_LATENCY_MS = {25, 60, 180, 40, 320};
  private static final String[] LEVELS = {"DEBUG", "INFO", "WARN", "ERROR"};
  private static final int ERROR = 3;
  private static final WeightedChoice LEVEL = WeightedChoice.of(0.08, 0.80, 0.09, 0.03);
  private static final WeightedChoice BURST_LEVEL = WeightedChoice.of(0.02, 0.43, 0.10, 0.45);
  private static final String[][] ERROR_TYPES = {
      {"SQLException", "TimeoutException", "NullPointerException"},
      {"TimeoutException", "ConnectException"},
      {"TimeoutException", "ConnectException", "IllegalStateException"},
      {"JwtException", "TimeoutException"},
      {"GatewayException", "TimeoutException", "ConnectException"}};
  private static final String[] BURST_ERROR_TYPES = {"ConnectException", "TimeoutException"};
  // message templates per service, then per level; {placeholders} are filled by AppMessages
  private static final String[][][] TEMPLATES = {
      {{"Cache hit for product {product}", "Resolved category {category} to {count} products"},
       {"Served product {product} in {ms} ms", "Listed category {category} page {page}",
        "Cache miss for product {product}, loaded from database"},
       {"Slow query on products table took {ms} ms", "Image for product {product} missing, using placeholder"},
       {"Cannot load product {product}: {error}"}},
      {{"Parsed query '{query}' into {terms} terms"},
       {"Query '{query}' returned {count} hits in {ms} ms", "Suggest for '{query}' returned {count} completions"},
       {"Search index refresh lagging by {seconds} s", "Query '{query}' returned no hits"},
       {"Cannot execute query '{query}': {error}"}},
      {{"Applying discount code WINTER10 to cart of user {user}"},
       {"Order {order} placed by user {user} with {items} items", "Cart of user {user} validated",
        "Shipping quote for order {order} computed"},
       {"Payment retry {attempt}/3 for order {order}", "Stock reservation for product {product} took {ms} ms"},
       {"Cannot place order {order}: {error}"}},
      {{"Refreshed token for user {user}"},
       {"User {user} logged in", "User {user} logged out", "Issued password reset link for user {user}"},
       {"Failed login for user {user} (attempt {attempt})", "Rate limit reached for user {user}"},
       {"Cannot verify token for user {user}: {error}"}},
      {{"Tokenised card for user {user}"},
       {"Authorised payment for order {order}, {euros}.99 EUR", "Captured payment for order {order}",
        "Refunded {euros}.00 EUR on order {order}"},
       {"3-D Secure challenge required for order {order}", "Gateway latency {ms} ms above threshold"},
       {"Cannot authorise payment for order {order}: {error}"}}};

  private final AppMessages messages;
  private final SplittableRandom random;
  private final AnomalyPlan plan;
  private final JsonWriter json;

  AppLogGenerator(Catalog catalog, Users users, SplittableRandom random, TimeFormats time, AnomalyPlan plan) {
    this.messages = new AppMessages(catalog, users, random);
    this.random = random;
    this.plan = plan;
    this.json = new JsonWriter(time);
  }

  GeneratedRecord entry(long atMs) {
    int service = SERVICE.pick(random);
    boolean isBurst = plan.errorsBurstAt(atMs) && SERVICES[service].equals(AnomalyPlan.BURST_SERVICE);
    int level = isBurst ? BURST_LEVEL.pick(random) : LEVEL.pick(random);
    String errorType = level == ERROR ? errorType(service, isBurst) : null;
    long latencyMs = latencyMs(service, errorType);
    String template = Sampling.oneOf(random, TEMPLATES[service][level]);
    return record(SERVICES[service], LEVELS[level], messages.fill(template, latencyMs, errorType), latencyMs,
        errorType, atMs);
  }

  private String errorType(int service, boolean isBurst) {
    return Sampling.oneOf(random, isBurst ? BURST_ERROR_TYPES : ERROR_TYPES[service]);
  }

  // timeouts wait for the client's limit; refused connections fail at once
  private long latencyMs(int service, String errorType) {
    if ("TimeoutException".equals(errorType)) {
      return Sampling.between(random, 5_000, 30_000);
    }
    if ("ConnectException".equals(errorType)) {
      return Sampling.between(random, 1, 20);
    }
    return Math.max(1, Math.round(Sampling.logNormal(random, Math.log(MEDIAN_LATENCY_MS[service]), 0.6)));
  }

  private GeneratedRecord record(String service, String level, String message, long latencyMs, String errorType,
      long atMs) {
    byte[] value = json.begin()
        .instant("ts", atMs)
        .field("service", service)
        .field("level", level)
        .field("message", message)
        .field("trace_id", Ids.traceId(random))
        .field("latency_ms", latencyMs)
        .field("error_type", errorType)
        .end();
    return new GeneratedRecord(Topics.LOGS_APP, Keys.of(service), value, atMs);
  }
}
