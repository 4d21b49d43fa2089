package dev.lakehouse.logs.analyze;

import dev.lakehouse.logs.analyze.WebLogReport.Count;
import dev.lakehouse.logs.analyze.WebLogReport.Finding;
import dev.lakehouse.logs.analyze.WebLogReport.Hour;
import dev.lakehouse.logs.analyze.WebLogReport.Page;
import dev.lakehouse.logs.analyze.WebLogReport.PathErrors;
import dev.lakehouse.logs.analyze.WebLogReport.Response;
import dev.lakehouse.logs.parse.UserAgentInfo;
import dev.lakehouse.logs.parse.WebRequest;
import dev.lakehouse.logs.security.BadAgents;
import dev.lakehouse.logs.security.LoginAttempts;
import dev.lakehouse.logs.security.ProbeSignatures;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every figure of a web log report, accumulated request by request in one pass and merged across
 * partitions: the way a log analyzer (GoAccess, AWStats) works, run on Spark partitions. Exact,
 * except that visitors and duplicate lines are told apart by 64-bit hashes (see
 * {@link WebLogAnalysis#VISITORS}), and the same definitions as the SQL of {@link WebLogAnalysis},
 * which the gold tables use.
 */
final class WebStats implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long DAY_MS = 86_400_000L;
  private static final int SAMPLES = 5;
  private static final int REJECTED_SAMPLES = 10;
  private static final int MEMO_LIMIT = 200_000;

  private long rejected;
  private final Map<String, Long> rejectedByRule = new TreeMap<>();
  private final List<String> rejectedSamples = new ArrayList<>();
  private final LongSet distinctRequests = new LongSet();
  private long requests;
  private long bytes;
  private long firstMs = Long.MAX_VALUE;
  private long lastMs = Long.MIN_VALUE;
  private final long[] classes = new long[5];
  private final LongSet visitors = new LongSet();
  private final long[] hourRequests = new long[24];
  private final long[] hourBytes = new long[24];
  private final LongSet[] hourVisitors = new LongSet[24];
  private final Map<String, PageStats> pages = new HashMap<>();
  private final Map<String, Long> referrers = new HashMap<>();
  private final Map<String, Long> agents = new HashMap<>();
  private final Map<String, PathStats> notFound = new HashMap<>();
  private final Map<String, PathStats> serverErrors = new HashMap<>();
  private long[] responseTimes = new long[64];
  private int timed;
  private final List<Response> largest = new ArrayList<>();
  private final List<Response> slowest = new ArrayList<>();
  private final Map<String, Evidence> evidence = new HashMap<>();
  private transient Map<String, String> probeMemo;
  private transient Map<String, String> toolMemo;

  WebStats() {
    for (int h = 0; h < 24; h++) {
      hourVisitors[h] = new LongSet();
    }
  }

  void reject(String rule, String reason) {
    rejected++;
    rejectedByRule.merge(rule, 1L, Long::sum);
    if (rejectedSamples.size() < REJECTED_SAMPLES) {
      rejectedSamples.add(reason);
    }
  }

  void add(WebRequest r) {
    add(r.ip(), r.requestAt().toEpochMilli(), r.method(), r.path(), r.query(), r.status(), r.bytes(), r.referrer(),
        r.userAgent(), r.responseTimeUs(), Hash64.of(r.vhost(), r.ip(), r.user(), Long.toString(r.requestAt().toEpochMilli()),
            r.rawRequest(), Integer.toString(r.status()), String.valueOf(r.bytes()), r.referrer(), r.userAgent(),
            String.valueOf(r.responseTimeUs())));
  }

  /** One request; {@code identity} is a hash of all its fields, for telling duplicates apart. */
  void add(String ip, long atMs, String method, String path, String query, int status, Long size, String referrer,
      String userAgent, Long responseUs, long identity) {
    distinctRequests.add(identity);
    requests++;
    long sent = size == null ? 0 : size;
    bytes += sent;
    firstMs = Math.min(firstMs, atMs);
    lastMs = Math.max(lastMs, atMs);
    int statusClass = status / 100;
    if (statusClass >= 1 && statusClass <= 5) {
      classes[statusClass - 1]++;
    }
    long day = Math.floorDiv(atMs, DAY_MS);
    int hour = (int) (Math.floorMod(atMs, DAY_MS) / 3_600_000L);
    String agent = userAgent == null ? "-" : userAgent;
    boolean isVisitor = statusClass != 4;
    long visitor = Hash64.of(ip, Long.toString(day), agent);
    if (isVisitor) {
      visitors.add(visitor);
      hourVisitors[hour].add(visitor);
    }
    hourRequests[hour]++;
    hourBytes[hour] += sent;
    if (path != null) {
      PageStats page = pages.computeIfAbsent(path, p -> new PageStats());
      page.requests++;
      page.bytes += sent;
      if (isVisitor) {
        page.visitors.add(visitor);
      }
    }
    if (referrer != null && !referrer.equals("-")) {
      referrers.merge(referrer, 1L, Long::sum);
    }
    agents.merge(agent, 1L, Long::sum);
    if (status == 404) {
      notFound.computeIfAbsent(String.valueOf(path), p -> new PathStats()).add(ip);
    } else if (status >= 500) {
      serverErrors.computeIfAbsent(String.valueOf(path), p -> new PathStats()).add(ip);
    }
    if (responseUs != null) {
      if (timed == responseTimes.length) {
        responseTimes = Arrays.copyOf(responseTimes, timed * 2);
      }
      responseTimes[timed++] = responseUs;
    }
    if (size != null) {
      top(largest, new Response(path, status, size, responseUs == null ? null : responseUs / 1000.0, ip, iso(atMs)), BY_BYTES);
    }
    if (responseUs != null) {
      top(slowest, new Response(path, status, sent, responseUs / 1000.0, ip, iso(atMs)), BY_TIME);
    }
    addEvidence(ip, day, atMs, method, path, query, status, userAgent);
  }

  private void addEvidence(String ip, long day, long atMs, String method, String path, String query, int status,
      String userAgent) {
    String target = (path == null ? "" : path) + (query == null ? "" : "?" + query);
    if (status == 404) {
      evidence("scanner", day, ip).add(atMs, path, target);
    }
    if ("POST".equals(method) && LoginAttempts.isFailedLogin(method, path, status)) {
      evidence("brute_force", day, ip).add(atMs, path, target);
    }
    String probe = probe(path, query);
    if (probe != null) {
      evidence(probe, day, ip).add(atMs, path, target);
    }
    String tool = tool(userAgent);
    if (tool != null) {
      Evidence e = evidence("bad_agent", day, ip);
      e.add(atMs, path, userAgent);
      e.tools.add(tool);
    }
  }

  private Evidence evidence(String kind, long day, String ip) {
    return evidence.computeIfAbsent(kind + '|' + day + '|' + ip, k -> new Evidence(kind, day, ip));
  }

  private String probe(String path, String query) {
    if (probeMemo == null || probeMemo.size() > MEMO_LIMIT) {
      probeMemo = new HashMap<>();
    }
    String key = path + '\u0000' + query;
    String probe = probeMemo.get(key);
    if (probe == null && !probeMemo.containsKey(key)) {
      probe = ProbeSignatures.firstProbe(path, query);
      probeMemo.put(key, probe);
    }
    return probe;
  }

  private String tool(String userAgent) {
    if (userAgent == null) {
      return null;
    }
    if (toolMemo == null || toolMemo.size() > MEMO_LIMIT) {
      toolMemo = new HashMap<>();
    }
    String tool = toolMemo.get(userAgent);
    if (tool == null && !toolMemo.containsKey(userAgent)) {
      tool = BadAgents.tool(userAgent);
      toolMemo.put(userAgent, tool);
    }
    return tool;
  }

  WebStats merge(WebStats other) {
    rejected += other.rejected;
    other.rejectedByRule.forEach((k, v) -> rejectedByRule.merge(k, v, Long::sum));
    for (String sample : other.rejectedSamples) {
      if (rejectedSamples.size() < REJECTED_SAMPLES) {
        rejectedSamples.add(sample);
      }
    }
    distinctRequests.addAll(other.distinctRequests);
    requests += other.requests;
    bytes += other.bytes;
    firstMs = Math.min(firstMs, other.firstMs);
    lastMs = Math.max(lastMs, other.lastMs);
    for (int i = 0; i < 5; i++) {
      classes[i] += other.classes[i];
    }
    visitors.addAll(other.visitors);
    for (int h = 0; h < 24; h++) {
      hourRequests[h] += other.hourRequests[h];
      hourBytes[h] += other.hourBytes[h];
      hourVisitors[h].addAll(other.hourVisitors[h]);
    }
    other.pages.forEach((path, page) -> pages.merge(path, page, PageStats::merge));
    other.referrers.forEach((k, v) -> referrers.merge(k, v, Long::sum));
    other.agents.forEach((k, v) -> agents.merge(k, v, Long::sum));
    other.notFound.forEach((k, v) -> notFound.merge(k, v, PathStats::merge));
    other.serverErrors.forEach((k, v) -> serverErrors.merge(k, v, PathStats::merge));
    if (timed + other.timed > responseTimes.length) {
      responseTimes = Arrays.copyOf(responseTimes, timed + other.timed);
    }
    System.arraycopy(other.responseTimes, 0, responseTimes, timed, other.timed);
    timed += other.timed;
    other.largest.forEach(r -> top(largest, r, BY_BYTES));
    other.slowest.forEach(r -> top(slowest, r, BY_TIME));
    other.evidence.forEach((k, v) -> evidence.merge(k, v, Evidence::merge));
    return this;
  }

  long requests() {
    return requests;
  }

  WebLogReport report(List<String> inputs, Map<String, String> formats, WebLogAnalysis.Thresholds thresholds) {
    long lines = requests + rejected;
    WebLogReport.Source source = new WebLogReport.Source(inputs, formats, lines, requests, rejected,
        lines == 0 ? 0 : requests / (double) lines, requests - distinctRequests.size(), sortedByCount(rejectedByRule),
        List.copyOf(rejectedSamples));
    Map<String, Long> statusClasses = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      statusClasses.put((i + 1) + "xx", classes[i]);
    }
    List<Hour> hourly = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      hourly.add(new Hour(h, hourRequests[h], hourVisitors[h].size(), hourBytes[h]));
    }
    List<Page> topPages = pages.entrySet().stream()
        .sorted(Map.Entry.<String, PageStats>comparingByValue(Comparator.comparingLong(p -> -p.requests))
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(WebLogAnalysis.TOP)
        .map(e -> new Page(e.getKey(), e.getValue().requests, e.getValue().visitors.size(), e.getValue().bytes))
        .toList();
    Map<String, Long> browsers = new HashMap<>();
    long bots = 0;
    for (Map.Entry<String, Long> agent : agents.entrySet()) {
      UserAgentInfo info = UserAgentInfo.of(agent.getKey().equals("-") ? null : agent.getKey());
      browsers.merge(info.browser() == null ? "unknown" : info.browser(), agent.getValue(), Long::sum);
      bots += info.isBot() ? agent.getValue() : 0;
    }
    WebLogReport.Traffic traffic = new WebLogReport.Traffic(requests, visitors.size(), bytes,
        requests == 0 ? null : iso(firstMs), requests == 0 ? null : iso(lastMs), statusClasses, hourly, pages.isEmpty()
            ? List.of() : topPages, top(referrers), top(browsers), bots);
    WebLogReport.Errors errors = new WebLogReport.Errors(
        requests == 0 ? 0 : classes[3] / (double) requests, requests == 0 ? 0 : classes[4] / (double) requests,
        topPaths(notFound), topPaths(serverErrors));
    long[] times = Arrays.copyOf(responseTimes, timed);
    Arrays.sort(times);
    WebLogReport.Performance performance = new WebLogReport.Performance(timed, percentileMs(times, 0.5),
        percentileMs(times, 0.9), percentileMs(times, 0.95), percentileMs(times, 0.99),
        timed == 0 ? null : times[timed - 1] / 1000.0, List.copyOf(largest), List.copyOf(slowest));
    return new WebLogReport(source, traffic, errors, performance, findings(thresholds));
  }

  private List<Finding> findings(WebLogAnalysis.Thresholds thresholds) {
    List<Finding> findings = new ArrayList<>();
    for (Evidence e : evidence.values()) {
      boolean reported = switch (e.kind) {
        case "scanner" -> e.paths.size() >= thresholds.scannerDistinct404();
        case "brute_force" -> e.events >= thresholds.bruteForceFailedLogins();
        default -> true;
      };
      if (reported) {
        findings.add(e.finding());
      }
    }
    findings.sort(Comparator.comparingLong(Finding::events).reversed().thenComparing(Finding::kind).thenComparing(Finding::ip));
    return findings;
  }

  // nearest rank: the smallest value with at least p of all values at or below it
  private static Double percentileMs(long[] sorted, double p) {
    if (sorted.length == 0) {
      return null;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1000.0;
  }

  private static List<Count> top(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(WebLogAnalysis.TOP)
        .map(e -> new Count(e.getKey(), e.getValue()))
        .toList();
  }

  private static List<PathErrors> topPaths(Map<String, PathStats> paths) {
    return paths.entrySet().stream()
        .sorted(Map.Entry.<String, PathStats>comparingByValue(Comparator.comparingLong(p -> -p.requests))
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(WebLogAnalysis.TOP)
        .map(e -> new PathErrors(e.getKey(), e.getValue().requests, e.getValue().ips.size()))
        .toList();
  }

  private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static final Comparator<Response> BY_BYTES =
      Comparator.comparingLong(Response::bytes).reversed().thenComparing(Response::at);
  private static final Comparator<Response> BY_TIME =
      Comparator.comparing(Response::ms, Comparator.reverseOrder()).thenComparing(Response::at);

  private static void top(List<Response> top, Response candidate, Comparator<Response> order) {
    if (top.size() == WebLogAnalysis.TOP && order.compare(candidate, top.get(top.size() - 1)) >= 0) {
      return;
    }
    int at = 0;
    while (at < top.size() && order.compare(top.get(at), candidate) <= 0) {
      at++;
    }
    top.add(at, candidate);
    if (top.size() > WebLogAnalysis.TOP) {
      top.remove(top.size() - 1);
    }
  }

  private static String iso(long epochMs) {
    return Instant.ofEpochMilli(epochMs).toString();
  }

  private static final class PageStats implements Serializable {
    private static final long serialVersionUID = 1L;
    long requests;
    long bytes;
    final LongSet visitors = new LongSet();

    PageStats merge(PageStats other) {
      requests += other.requests;
      bytes += other.bytes;
      visitors.addAll(other.visitors);
      return this;
    }
  }

  private static final class PathStats implements Serializable {
    private static final long serialVersionUID = 1L;
    long requests;
    final Set<String> ips = new HashSet<>();

    void add(String ip) {
      requests++;
      ips.add(ip);
    }

    PathStats merge(PathStats other) {
      requests += other.requests;
      ips.addAll(other.ips);
      return this;
    }
  }

  /** The requests that are evidence of one kind of finding, for one address on one day. */
  private static final class Evidence implements Serializable {
    private static final long serialVersionUID = 1L;
    final String kind;
    final long day;
    final String ip;
    long events;
    long firstMs = Long.MAX_VALUE;
    long lastMs = Long.MIN_VALUE;
    final Set<String> paths = new HashSet<>();
    final TreeSet<String> samples = new TreeSet<>();
    final Set<String> tools = new TreeSet<>();

    Evidence(String kind, long day, String ip) {
      this.kind = kind;
      this.day = day;
      this.ip = ip;
    }

    void add(long atMs, String path, String sample) {
      events++;
      firstMs = Math.min(firstMs, atMs);
      lastMs = Math.max(lastMs, atMs);
      if (path != null) {
        paths.add(path);
      }
      keep(sample);
    }

    // the SAMPLES smallest, as sort_array(collect_set(...)) then slice gives
    private void keep(String sample) {
      samples.add(sample);
      if (samples.size() > SAMPLES) {
        samples.pollLast();
      }
    }

    Evidence merge(Evidence other) {
      events += other.events;
      firstMs = Math.min(firstMs, other.firstMs);
      lastMs = Math.max(lastMs, other.lastMs);
      paths.addAll(other.paths);
      other.samples.forEach(this::keep);
      tools.addAll(other.tools);
      return this;
    }

    Finding finding() {
      String severity = switch (kind) {
        case "brute_force" -> "critical";
        case "bad_agent" -> "info";
        default -> "warning";
      };
      String detail = switch (kind) {
        case "scanner" -> paths.size() + " distinct paths answered 404";
        case "brute_force" -> events + " failed logins";
        case "bad_agent" -> "user agent of " + String.join(", ", tools);
        default -> events + " requests carry " + kind + " signatures";
      };
      return new Finding(kind, ip, severity, events, paths.size(), iso(firstMs), iso(lastMs), detail, List.copyOf(samples));
    }
  }

  /** FNV-1a over the parts with a separator, 64 bits; enough to tell a few million keys apart. */
  static final class Hash64 {
    private Hash64() {}

    static long of(String... parts) {
      long h = 0xcbf29ce484222325L;
      for (String part : parts) {
        if (part != null) {
          for (int i = 0; i < part.length(); i++) {
            h ^= part.charAt(i);
            h *= 0x100000001b3L;
          }
        }
        h ^= 0x1f;
        h *= 0x100000001b3L;
      }
      return h ^ (h >>> 29);
    }
  }
}
