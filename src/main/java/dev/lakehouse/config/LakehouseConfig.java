package dev.lakehouse.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one typed, immutable configuration of a lakehouse process.
 *
 * <p>Precedence: defaults (lakehouse-defaults.conf) &lt; profile (profiles/&lt;name&gt;.conf) &lt;
 * LAKEHOUSE_* environment &lt; --conf key=value. Every value is checked here, at start-up; an
 * invalid one fails with a message naming the key, the value, where it came from and the rule.
 */
public record LakehouseConfig(
    String home,
    String profile,
    Spark spark,
    Kafka kafka,
    Ingest ingest,
    Refine refine,
    Generate generate,
    Logs logs,
    Risk risk,
    Fraud fraud,
    CommerceStream commerceStream,
    Alerts alerts,
    Monitor monitor,
    Commerce commerce,
    Recommend recommend,
    Serve serve,
    Map<String, String> origins) {

  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]+");
  private static final Pattern SPARK_MASTER = Pattern.compile(
      "local|local\\[(\\d+|\\*)(,\\d+)?]|local-cluster\\[\\d+, *\\d+, *\\d+]|spark://\\S+|yarn|k8s://\\S+|mesos://\\S+");
  private static final Pattern HOST_PORT = Pattern.compile("[^\\s,:]+:\\d{1,5}");

  /** Spark session settings. */
  public record Spark(String master, int shufflePartitions, boolean uiEnabled) {
    /** Whether this process chooses the master itself (false under spark-submit). */
    public boolean setsMaster() {
      return !master.isBlank();
    }
  }

  /** Kafka client and embedded broker settings. */
  public record Kafka(String bootstrapServers, int port, int partitions, boolean failOnDataLoss, String topicPrefix,
      Duration connectTimeout) {
    /** The Kafka topic a source (e.g. commerce.events) is read from and generated to. */
    public String topic(String source) {
      return topicPrefix + source;
    }
  }

  /**
   * Ingestion into bronze: the Kafka topics, and the file sources ({@code files}: source -> watched
   * directory or glob, from {@code ingest.files.<source>}) with how many new files one micro-batch takes.
   */
  public record Ingest(List<String> topics, Duration triggerInterval, long maxOffsetsPerTrigger, Map<String, String> files,
      int maxFilesPerTrigger) {}

  /**
   * Bronze to silver refinement settings, and the bounds every refined record must keep: its event
   * times within [ingested - maxEventAge, ingested + maxEventLead], its ids at most maxIdLength long.
   */
  public record Refine(Duration triggerInterval, int maxRecordBytes, Duration maxEventAge, Duration maxEventLead,
      int maxIdLength) {}

  /** Synthetic data settings. */
  public record Generate(long seed, long count, double malformedFraction, double fraudRate) {}

  /** Log analysis and detection thresholds. */
  public record Logs(
      Duration detectTriggerInterval,
      Duration watermark,
      int maxRequestsPerMinute,
      int max4xxPerMinute,
      int max5xxPerMinute,
      Duration blacklistTtl,
      double serviceErrorRate,
      Duration serviceP95Latency,
      int serviceMinEvents,
      int scannerDistinct404,
      int bruteForceFailedLogins) {}

  /** Market-risk settings. */
  public record Risk(int lookbackDays, double ewmaLambda, int monteCarloTrials, long monteCarloSeed, double studentTDegrees,
      int backtestDays) {}

  /** Fraud scoring settings. */
  public record Fraud(double alertScore, Duration stateTimeout, Duration triggerInterval, double mlWeight) {}

  /**
   * Streaming commerce gold (behaviour, sessions, sales) and its revenue anomaly detector: the
   * windows of history, the |z| threshold and the noise floor of the spread (see RevenueAnomalies).
   */
  public record CommerceStream(Duration watermark, Duration triggerInterval, int anomalyWindows, double anomalyZ,
      double anomalyNoiseFloor) {}

  /** Where raised alerts are pushed besides ops.alerts; an empty URL turns its channel off. */
  public record Alerts(String redisUrl, String redisChannel, String webhookUrl, Duration webhookTimeout, int webhookRetries) {
    public boolean publishesToRedis() {
      return !redisUrl.isEmpty();
    }

    public boolean publishesToWebhook() {
      return !webhookUrl.isEmpty();
    }
  }

  /** Streaming query monitoring: how often progress is written and when a query is unhealthy. */
  /**
   * Streaming health thresholds; {@code maxLag} is the end-to-end lag (now minus the newest event
   * time a query committed) above which a query that is not catching up falls behind (zero: not judged).
   */
  public record Monitor(Duration writeInterval, Duration slowBatch, int behindBatches, Duration stallAfter, Duration maxLag) {}

  /** Commerce settings: lowStockUnits is where gold.commerce_stock_daily calls a product's stock low. */
  public record Commerce(int lowStockUnits) {}

  /**
   * Recommendation settings: implicit weights per event type with a half-life decay, ALS
   * parameters, the holdout, list length, and the Redis that serves the lists.
   */
  public record Recommend(double weightView, double weightClick, double weightCart, double weightPurchase,
      Duration halfLife, int rank, int maxIter, double regParam, double alpha, double holdoutFraction, int topN,
      String redisUrl, Duration ttl, Duration triggerInterval) {}

  /**
   * The long-running server (`serve`): the address it binds, the SQL endpoint's port (HiveServer2
   * protocol, 0 turns it off) and the HTTP port of the dashboard and JSON API (0 turns it off).
   */
  public record Serve(String host, int sqlPort, int httpPort) {}

  public LakehouseConfig {
    ingest = new Ingest(List.copyOf(ingest.topics()), ingest.triggerInterval(), ingest.maxOffsetsPerTrigger(),
        java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(ingest.files())), ingest.maxFilesPerTrigger());
    origins = Map.copyOf(origins);
  }

  /** Loads the configuration of this process from its environment and --conf assignments. */
  public static LakehouseConfig load(Map<String, String> environment, List<String> overrides) {
    Config defaults = ConfigSources.defaults();
    Config fromOverrides = ConfigSources.fromOverrides(defaults, overrides);
    Config fromEnvironment = ConfigSources.fromEnvironment(defaults, environment);
    Config aboveProfile = fromOverrides.withFallback(fromEnvironment);
    String profileName = aboveProfile.withFallback(defaults).getString("profile");
    String profileSource = aboveProfile.hasPath("profile")
        ? aboveProfile.getValue("profile").origin().description()
        : "defaults";
    Config resolved = aboveProfile
        .withFallback(ConfigSources.profile(profileName, profileSource))
        .withFallback(defaults)
        .resolve();
    return from(new Reader(resolved));
  }

  /** Defaults and the local profile only; for tests and tools that ignore the environment. */
  public static LakehouseConfig defaults() {
    return load(Map.of(), List.of());
  }

  /**
   * A location under the storage root, e.g. {@code path("tables/bronze/commerce_events")}. A local
   * root becomes an absolute path, so every process resolves the same place; a URI stays as is.
   */
  public String path(String relative) {
    String root = home.contains("://") ? home : java.nio.file.Path.of(home).toAbsolutePath().normalize().toString();
    return root.endsWith("/") ? root + relative : root + "/" + relative;
  }

  /** A copy that reads from and writes to other brokers (e.g. a broker this process started). */
  public LakehouseConfig withBootstrapServers(String bootstrapServers) {
    Kafka moved = new Kafka(bootstrapServers, kafka.port(), kafka.partitions(), kafka.failOnDataLoss(), kafka.topicPrefix(),
        kafka.connectTimeout());
    return new LakehouseConfig(home, profile, spark, moved, ingest, refine, generate, logs, risk, fraud, commerceStream,
        alerts, monitor, commerce, recommend, serve, origins);
  }

  /** Keys with their environment variable names, for documentation and `config`. */
  public static Map<String, String> environmentNames() {
    Map<String, String> names = new LinkedHashMap<>();
    ConfigSources.keys(ConfigSources.defaults())
        .forEach(key -> names.put(key, ConfigSources.environmentName(key)));
    return names;
  }

  /** The resolved value of a key as text (lists comma-separated). */
  public String value(String key) {
    return values().get(key);
  }

  /** Every key with its resolved value as text, in key order. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("commerce.anomaly-noise-floor", Double.toString(commerceStream.anomalyNoiseFloor()));
    values.put("commerce.anomaly-windows", Integer.toString(commerceStream.anomalyWindows()));
    values.put("commerce.anomaly-z", Double.toString(commerceStream.anomalyZ()));
    values.put("commerce.stream-trigger-interval", commerceStream.triggerInterval().toMillis() + "ms");
    values.put("commerce.watermark", commerceStream.watermark().toMillis() + "ms");
    values.put("alerts.redis-channel", alerts.redisChannel());
    values.put("alerts.redis-url", alerts.redisUrl());
    values.put("alerts.webhook-retries", Integer.toString(alerts.webhookRetries()));
    values.put("alerts.webhook-timeout", alerts.webhookTimeout().toMillis() + "ms");
    values.put("alerts.webhook-url", alerts.webhookUrl());
    values.put("commerce.low-stock-units", Integer.toString(commerce.lowStockUnits()));
    values.put("fraud.alert-score", Double.toString(fraud.alertScore()));
    values.put("fraud.ml-weight", Double.toString(fraud.mlWeight()));
    values.put("fraud.state-timeout", fraud.stateTimeout().toMillis() + "ms");
    values.put("fraud.trigger-interval", fraud.triggerInterval().toMillis() + "ms");
    values.put("generate.count", Long.toString(generate.count()));
    values.put("generate.fraud-rate", Double.toString(generate.fraudRate()));
    values.put("generate.malformed-fraction", Double.toString(generate.malformedFraction()));
    values.put("generate.seed", Long.toString(generate.seed()));
    values.put("home", home);
    ingest.files().forEach((source, dir) -> values.put(ConfigSources.FILES_PREFIX + source, dir));
    values.put("ingest.max-files-per-trigger", Integer.toString(ingest.maxFilesPerTrigger()));
    values.put("ingest.max-offsets-per-trigger", Long.toString(ingest.maxOffsetsPerTrigger()));
    values.put("ingest.topics", String.join(",", ingest.topics()));
    values.put("ingest.trigger-interval", ingest.triggerInterval().toMillis() + "ms");
    values.put("kafka.bootstrap-servers", kafka.bootstrapServers());
    values.put("kafka.connect-timeout", kafka.connectTimeout().toMillis() + "ms");
    values.put("kafka.fail-on-data-loss", Boolean.toString(kafka.failOnDataLoss()));
    values.put("kafka.partitions", Integer.toString(kafka.partitions()));
    values.put("kafka.port", Integer.toString(kafka.port()));
    values.put("kafka.topic-prefix", kafka.topicPrefix());
    values.put("logs.blacklist-ttl", logs.blacklistTtl().toMillis() + "ms");
    values.put("logs.brute-force-failed-logins", Integer.toString(logs.bruteForceFailedLogins()));
    values.put("logs.detect-trigger-interval", logs.detectTriggerInterval().toMillis() + "ms");
    values.put("logs.max-4xx-per-minute", Integer.toString(logs.max4xxPerMinute()));
    values.put("logs.max-5xx-per-minute", Integer.toString(logs.max5xxPerMinute()));
    values.put("logs.max-requests-per-minute", Integer.toString(logs.maxRequestsPerMinute()));
    values.put("logs.scanner-distinct-404", Integer.toString(logs.scannerDistinct404()));
    values.put("logs.service-error-rate", Double.toString(logs.serviceErrorRate()));
    values.put("logs.service-min-events", Integer.toString(logs.serviceMinEvents()));
    values.put("logs.service-p95-latency", logs.serviceP95Latency().toMillis() + "ms");
    values.put("logs.watermark", logs.watermark().toMillis() + "ms");
    values.put("monitor.behind-batches", Integer.toString(monitor.behindBatches()));
    values.put("monitor.max-lag", monitor.maxLag().toMillis() + "ms");
    values.put("monitor.slow-batch", monitor.slowBatch().toMillis() + "ms");
    values.put("monitor.stall-after", monitor.stallAfter().toMillis() + "ms");
    values.put("monitor.write-interval", monitor.writeInterval().toMillis() + "ms");
    values.put("profile", profile);
    values.put("risk.backtest-days", Integer.toString(risk.backtestDays()));
    values.put("risk.ewma-lambda", Double.toString(risk.ewmaLambda()));
    values.put("risk.lookback-days", Integer.toString(risk.lookbackDays()));
    values.put("risk.monte-carlo-seed", Long.toString(risk.monteCarloSeed()));
    values.put("risk.monte-carlo-trials", Integer.toString(risk.monteCarloTrials()));
    values.put("risk.student-t-degrees", Double.toString(risk.studentTDegrees()));
    values.put("recommend.alpha", Double.toString(recommend.alpha()));
    values.put("recommend.half-life", recommend.halfLife().toMillis() + "ms");
    values.put("recommend.holdout-fraction", Double.toString(recommend.holdoutFraction()));
    values.put("recommend.max-iter", Integer.toString(recommend.maxIter()));
    values.put("recommend.rank", Integer.toString(recommend.rank()));
    values.put("recommend.redis-url", recommend.redisUrl());
    values.put("recommend.reg-param", Double.toString(recommend.regParam()));
    values.put("recommend.top-n", Integer.toString(recommend.topN()));
    values.put("recommend.trigger-interval", recommend.triggerInterval().toMillis() + "ms");
    values.put("recommend.ttl", recommend.ttl().toMillis() + "ms");
    values.put("recommend.weight-cart", Double.toString(recommend.weightCart()));
    values.put("recommend.weight-click", Double.toString(recommend.weightClick()));
    values.put("recommend.weight-purchase", Double.toString(recommend.weightPurchase()));
    values.put("recommend.weight-view", Double.toString(recommend.weightView()));
    values.put("refine.max-event-age", refine.maxEventAge().toMillis() + "ms");
    values.put("refine.max-event-lead", refine.maxEventLead().toMillis() + "ms");
    values.put("refine.max-id-length", Integer.toString(refine.maxIdLength()));
    values.put("refine.max-record-bytes", Integer.toString(refine.maxRecordBytes()));
    values.put("refine.trigger-interval", refine.triggerInterval().toMillis() + "ms");
    values.put("serve.host", serve.host());
    values.put("serve.http-port", Integer.toString(serve.httpPort()));
    values.put("serve.sql-port", Integer.toString(serve.sqlPort()));
    values.put("spark.master", spark.master());
    values.put("spark.shuffle-partitions", Integer.toString(spark.shufflePartitions()));
    values.put("spark.ui-enabled", Boolean.toString(spark.uiEnabled()));
    return values;
  }

  private static LakehouseConfig from(Reader read) {
    return new LakehouseConfig(
        read.nonBlank("home"),
        read.string("profile"),
        new Spark(
            read.sparkMaster("spark.master"),
            read.intAtLeast("spark.shuffle-partitions", 1),
            read.bool("spark.ui-enabled")),
        new Kafka(
            read.bootstrapServers("kafka.bootstrap-servers"),
            read.port("kafka.port"),
            read.intAtLeast("kafka.partitions", 1),
            read.bool("kafka.fail-on-data-loss"),
            read.topicPrefix("kafka.topic-prefix"),
            read.positiveDuration("kafka.connect-timeout")),
        new Ingest(
            read.topics("ingest.topics"),
            read.positiveDuration("ingest.trigger-interval"),
            read.longAtLeast("ingest.max-offsets-per-trigger", 0),
            read.fileSources("ingest.files"),
            read.intAtLeast("ingest.max-files-per-trigger", 0)),
        new Refine(
            read.positiveDuration("refine.trigger-interval"),
            read.intAtLeast("refine.max-record-bytes", 1),
            read.positiveDuration("refine.max-event-age"),
            read.positiveDuration("refine.max-event-lead"),
            read.intAtLeast("refine.max-id-length", 1)),
        new Generate(
            read.longAtLeast("generate.seed", Long.MIN_VALUE),
            read.longAtLeast("generate.count", 1),
            read.fraction("generate.malformed-fraction"),
            read.between("generate.fraud-rate", 0, 0.25)),
        new Logs(
            read.positiveDuration("logs.detect-trigger-interval"),
            read.positiveDuration("logs.watermark"),
            read.intAtLeast("logs.max-requests-per-minute", 1),
            read.intAtLeast("logs.max-4xx-per-minute", 0),
            read.intAtLeast("logs.max-5xx-per-minute", 0),
            read.positiveDuration("logs.blacklist-ttl"),
            read.fraction("logs.service-error-rate"),
            read.positiveDuration("logs.service-p95-latency"),
            read.intAtLeast("logs.service-min-events", 1),
            read.intAtLeast("logs.scanner-distinct-404", 1),
            read.intAtLeast("logs.brute-force-failed-logins", 1)),
        new Risk(
            read.intAtLeast("risk.lookback-days", 20),
            read.openUnit("risk.ewma-lambda"),
            read.intAtLeast("risk.monte-carlo-trials", 1000),
            read.longAtLeast("risk.monte-carlo-seed", Long.MIN_VALUE),
            read.greaterThan("risk.student-t-degrees", 2),
            read.intAtLeast("risk.backtest-days", 20)),
        new Fraud(
            read.fraction("fraud.alert-score"),
            read.positiveDuration("fraud.state-timeout"),
            read.positiveDuration("fraud.trigger-interval"),
            read.between("fraud.ml-weight", 0, 1)),
        new CommerceStream(
            read.positiveDuration("commerce.watermark"),
            read.positiveDuration("commerce.stream-trigger-interval"),
            read.intAtLeast("commerce.anomaly-windows", 2),
            read.greaterThan("commerce.anomaly-z", 0),
            read.atLeast("commerce.anomaly-noise-floor", 0)),
        new Alerts(
            read.uriOrEmpty("alerts.redis-url", "redis", "rediss"),
            read.nonBlank("alerts.redis-channel"),
            read.uriOrEmpty("alerts.webhook-url", "http", "https"),
            read.positiveDuration("alerts.webhook-timeout"),
            read.intAtLeast("alerts.webhook-retries", 0)),
        new Monitor(
            read.positiveDuration("monitor.write-interval"),
            read.positiveDuration("monitor.slow-batch"),
            read.intAtLeast("monitor.behind-batches", 1),
            read.positiveDuration("monitor.stall-after"),
            read.nonNegativeDuration("monitor.max-lag")),
        new Commerce(
            read.intAtLeast("commerce.low-stock-units", 0)),
        new Recommend(
            read.greaterThan("recommend.weight-view", 0),
            read.greaterThan("recommend.weight-click", 0),
            read.greaterThan("recommend.weight-cart", 0),
            read.greaterThan("recommend.weight-purchase", 0),
            read.positiveDuration("recommend.half-life"),
            read.intAtLeast("recommend.rank", 1),
            read.intAtLeast("recommend.max-iter", 1),
            read.between("recommend.reg-param", 0, 1000),
            read.greaterThan("recommend.alpha", 0),
            read.openUnit("recommend.holdout-fraction"),
            read.intAtLeast("recommend.top-n", 1),
            read.redisUrl("recommend.redis-url"),
            read.ttlSeconds("recommend.ttl"),
            read.positiveDuration("recommend.trigger-interval")),
        new Serve(
            read.nonBlank("serve.host"),
            read.portOrOff("serve.sql-port"),
            read.portOrOff("serve.http-port")),
        read.origins());
  }

  /** Typed, validated reads of one resolved Config; every failure names key, value and source. */
  private record Reader(Config config) {
    String source(String key) {
      String origin = config.getValue(key).origin().description();
      return origin.contains(ConfigSources.DEFAULTS_RESOURCE) ? "defaults" : origin;
    }

    Object raw(String key) {
      return config.getValue(key).unwrapped();
    }

    InvalidConfigException invalid(String key, String rule) {
      return InvalidConfigException.of(key, raw(key), source(key), rule);
    }

    String string(String key) {
      return config.getString(key).trim();
    }

    /** Empty (spark-submit decides), or a master URL Spark accepts. */
    String sparkMaster(String key) {
      String value = string(key);
      if (!value.isEmpty() && !SPARK_MASTER.matcher(value).matches()) {
        throw invalid(key, "must be empty (spark-submit decides) or a Spark master URL: local, local[N], local[*], "
            + "spark://host:port, yarn or k8s://https://host:port");
      }
      return value;
    }

    String nonBlank(String key) {
      String value = string(key);
      if (value.isEmpty()) {
        throw invalid(key, "must not be empty");
      }
      return value;
    }

    boolean bool(String key) {
      try {
        return config.getBoolean(key);
      } catch (ConfigException.WrongType e) {
        throw invalid(key, "must be true or false");
      }
    }

    long longAtLeast(String key, long min) {
      long value;
      try {
        value = config.getLong(key);
      } catch (ConfigException.WrongType e) {
        throw invalid(key, "must be an integer" + (min == Long.MIN_VALUE ? "" : " >= " + min));
      }
      if (value < min) {
        throw invalid(key, "must be an integer >= " + min);
      }
      return value;
    }

    int intAtLeast(String key, int min) {
      long value = longAtLeast(key, min);
      if (value > Integer.MAX_VALUE) {
        throw invalid(key, "must be an integer between " + min + " and " + Integer.MAX_VALUE);
      }
      return (int) value;
    }

    int port(String key) {
      int port = intAtLeast(key, 1);
      if (port > 65535) {
        throw invalid(key, "must be a TCP port between 1 and 65535");
      }
      return port;
    }

    int portOrOff(String key) {
      int port = intAtLeast(key, 0);
      if (port > 65535) {
        throw invalid(key, "must be a TCP port between 1 and 65535, or 0 for off");
      }
      return port;
    }

    double fraction(String key) {
      double value;
      try {
        value = config.getDouble(key);
      } catch (ConfigException.WrongType e) {
        throw invalid(key, "must be a number in [0, 1)");
      }
      if (!(value >= 0 && value < 1)) {
        throw invalid(key, "must be a number in [0, 1)");
      }
      return value;
    }

    double number(String key, String rule) {
      try {
        return config.getDouble(key);
      } catch (ConfigException.WrongType e) {
        throw invalid(key, rule);
      }
    }

    double between(String key, double min, double max) {
      String rule = "must be a number in [" + min + ", " + max + "]";
      double value = number(key, rule);
      if (!(value >= min && value <= max)) {
        throw invalid(key, rule);
      }
      return value;
    }

    double openUnit(String key) {
      double value = number(key, "must be a number in (0, 1)");
      if (!(value > 0 && value < 1)) {
        throw invalid(key, "must be a number in (0, 1)");
      }
      return value;
    }

    double atLeast(String key, double min) {
      double value = number(key, "must be a number >= " + min);
      if (!(value >= min) || Double.isInfinite(value)) {
        throw invalid(key, "must be a number >= " + min);
      }
      return value;
    }

    double greaterThan(String key, double min) {
      double value = number(key, "must be a number > " + min);
      if (!(value > min) || Double.isInfinite(value)) {
        throw invalid(key, "must be a number > " + min);
      }
      return value;
    }

    Duration positiveDuration(String key) {
      Duration value = duration(key);
      if (value.isZero() || value.isNegative()) {
        throw invalid(key, "must be a duration greater than zero");
      }
      return value;
    }

    Duration nonNegativeDuration(String key) {
      Duration value = duration(key);
      if (value.isNegative()) {
        throw invalid(key, "must be a duration of zero or more");
      }
      return value;
    }

    private Duration duration(String key) {
      try {
        return config.getDuration(key);
      } catch (ConfigException.BadValue | ConfigException.WrongType e) {
        throw invalid(key, "must be a duration such as 500ms, 2s or 1m");
      }
    }

    String redisUrl(String key) {
      String value = nonBlank(key);
      java.net.URI uri;
      try {
        uri = new java.net.URI(value);
      } catch (java.net.URISyntaxException e) {
        throw invalid(key, "must be a URL redis://host:port or rediss://host:port");
      }
      if (!("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) || uri.getHost() == null
          || uri.getPort() < 1 || uri.getPort() > 65535) {
        throw invalid(key, "must be a URL redis://host:port or rediss://host:port");
      }
      return value;
    }

    Duration ttlSeconds(String key) {
      Duration value = positiveDuration(key);
      if (value.toMillis() % 1000 != 0) {
        throw invalid(key, "must be a whole number of seconds (Redis expiry), e.g. 90s, 1h or 1d");
      }
      return value;
    }

    String bootstrapServers(String key) {
      String value = nonBlank(key);
      for (String server : value.split(",")) {
        if (!HOST_PORT.matcher(server.trim()).matches()) {
          throw invalid(key, "must be a comma-separated list of host:port");
        }
      }
      return value;
    }

    /** Empty (off), or an absolute URI with one of the schemes and a host. */
    String uriOrEmpty(String key, String... schemes) {
      String value = string(key);
      if (value.isEmpty()) {
        return value;
      }
      String rule = "must be empty or a URI like " + schemes[0] + "://host:port (scheme " + String.join(" or ", schemes) + ")";
      try {
        java.net.URI uri = new java.net.URI(value);
        if (uri.getScheme() == null || !List.of(schemes).contains(uri.getScheme().toLowerCase()) || uri.getHost() == null) {
          throw invalid(key, rule);
        }
      } catch (java.net.URISyntaxException e) {
        throw invalid(key, rule);
      }
      return value;
    }

    String topicPrefix(String key) {
      String value = string(key);
      if (!value.isEmpty() && !TOPIC.matcher(value).matches()) {
        throw invalid(key, "must be empty or match " + TOPIC.pattern());
      }
      return value;
    }

    List<String> topics(String key) {
      List<String> topics;
      try {
        topics = config.getStringList(key);
      } catch (ConfigException.WrongType e) {
        throw invalid(key, "must be a list of topic names");
      }
      if (topics.isEmpty()) {
        throw invalid(key, "must name at least one topic");
      }
      for (String topic : topics) {
        if (!TOPIC.matcher(topic).matches()) {
          throw invalid(key, "topic '" + topic + "' must match " + TOPIC.pattern());
        }
      }
      return topics;
    }

    /** Source -> directory (or glob) of every {@code ingest.files.<source>} key; a source is named like a topic. */
    Map<String, String> fileSources(String key) {
      Map<String, String> files = new java.util.TreeMap<>();
      if (!config.hasPath(key)) {
        return files;
      }
      config.getConfig(key).entrySet().forEach(entry -> {
        String full = key + "." + entry.getKey();
        if (!TOPIC.matcher(entry.getKey()).matches()) {
          throw invalid(full, "the source after ingest.files. must match " + TOPIC.pattern() + ", e.g. ingest.files.logs.access");
        }
        Object value = entry.getValue().unwrapped();
        if (!(value instanceof String dir) || dir.isBlank()) {
          throw invalid(full, "must be a directory (or a glob) of files to watch");
        }
        files.put(entry.getKey(), dir.trim());
      });
      return files;
    }

    Map<String, String> origins() {
      Map<String, String> origins = new LinkedHashMap<>();
      ConfigSources.keys(ConfigSources.defaults()).forEach(key -> origins.put(key, source(key)));
      if (config.hasPath("ingest.files")) {
        config.getConfig("ingest.files").entrySet()
            .forEach(entry -> origins.put(ConfigSources.FILES_PREFIX + entry.getKey(), source(ConfigSources.FILES_PREFIX + entry.getKey())));
      }
      return origins;
    }
  }
}
