package dev.lakehouse.logs.analyze;

import java.util.List;
import java.util.Map;

/**
 * What `logs analyze` found, as written to report.json (snake_case keys) and drawn in report.html.
 * Visitors are counted as GoAccess does by default (see {@link WebLogAnalysis#VISITORS}).
 */
public record WebLogReport(
    Source source,
    Traffic traffic,
    Errors errors,
    Performance performance,
    List<Finding> findings) {

  /** The input and how well it parsed. */
  public record Source(
      List<String> inputs,
      Map<String, String> formats,
      long lines,
      long parsed,
      long rejected,
      double parseRate,
      long duplicates,
      Map<String, Long> rejectedByRule,
      List<String> rejectedSamples) {}

  public record Traffic(
      long requests,
      long uniqueVisitors,
      long bandwidthBytes,
      String firstRequestAt,
      String lastRequestAt,
      Map<String, Long> statusClasses,
      List<Hour> hourly,
      List<Page> topPages,
      List<Count> topReferrers,
      List<Count> topBrowsers,
      long botRequests) {}

  /** Requests per hour of day (UTC), summed over the days in the input. */
  public record Hour(int hour, long requests, long visitors, long bytes) {}

  public record Page(String path, long requests, long visitors, long bytes) {}

  public record Count(String key, long requests) {}

  public record Errors(double rate4xx, double rate5xx, List<PathErrors> top404, List<PathErrors> top5xx) {}

  public record PathErrors(String path, long requests, long distinctIps) {}

  public record Performance(long timedRequests, Double p50Ms, Double p90Ms, Double p95Ms, Double p99Ms, Double maxMs,
      List<Response> largest, List<Response> slowest) {}

  public record Response(String path, int status, long bytes, Double ms, String ip, String at) implements java.io.Serializable {}

  /**
   * A security finding: {@code kind} is scanner, brute_force, sql_injection, xss, path_traversal or
   * bad_agent; {@code samples} are a few of the paths (or agents) that are the evidence.
   */
  public record Finding(String kind, String ip, String severity, long events, long distinctPaths, String firstSeenAt,
      String lastSeenAt, String detail, List<String> samples) {}
}
