package dev.lakehouse.generate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Web server access logs in Apache combined format, the value of {@code logs.access} (no key).
 * Pages, assets and API calls of the shop; mostly 200, some 304 and 301, about 2% 404 and 0.5% 5xx;
 * crawlers fetch pages only. An error burst fails about 30% of requests; a scanner probes paths.
 */
final class AccessLogGenerator {
  private enum Kind { HOME, PRODUCT, CATEGORY, SEARCH, CART, CHECKOUT, LOGIN, ASSET, API }

  private static final Kind[] KINDS = Kind.values();
  private static final WeightedChoice KIND = WeightedChoice.of(0.08, 0.30, 0.09, 0.05, 0.04, 0.02, 0.02, 0.26, 0.14);
  private static final WeightedChoice CRAWLER_KIND = WeightedChoice.of(0.10, 0.70, 0.20);
  private static final String SHOP = "https://shop.example";
  private static final String[] SEARCH_ENGINES = {
      "https://www.google.com/", "https://www.google.de/", "https://www.bing.com/", "https://duckduckgo.com/"};
  private static final String[] SEARCH_TERMS = {
      "wireless+headphones", "running+shoes", "coffee+grinder", "lego", "garden+hose", "usb-c+cable",
      "yoga+mat", "face+cream", "winter+jacket", "phone+case", "air+fryer", "kindle"};
  private static final String[] REFS = {"home", "search", "recs", "email", "category"};
  private static final String[] ASSETS = {
      "/static/js/app.3f9a2c1e.js", "/static/js/vendor.91bd7a04.js", "/static/css/main.81b7e2d4.css",
      "/static/img/logo.svg", "/static/fonts/inter-var.woff2", "/favicon.ico", "/static/img/products/"};
  private static final double[] ASSET_MEDIAN_BYTES = {92_000, 251_000, 25_000, 3_100, 71_000, 1_150, 58_000};
  private static final WeightedChoice ASSET = WeightedChoice.of(0.14, 0.10, 0.14, 0.10, 0.04, 0.04, 0.44);
  private static final double[] PAGE_MEDIAN_BYTES = {18_000, 24_000, 31_000, 22_000, 9_000, 11_000, 3_000, 0, 1_800};
  private static final int[] SERVER_ERRORS = {500, 502, 503};

  /** One request as the log line shows it; bytes -1 prints as "-". */
  private record Hit(String client, String method, String path, String protocol, int status, long bytes,
      String referer, String agent) {}

  private final Catalog catalog;
  private final Users users;
  private final IpPool clients;
  private final SplittableRandom random;
  private final TimeFormats time;
  private final AnomalyPlan plan;
  private final StringBuilder line = new StringBuilder(400);

  AccessLogGenerator(Catalog catalog, Users users, IpPool clients, SplittableRandom random, TimeFormats time,
      AnomalyPlan plan) {
    this.catalog = catalog;
    this.users = users;
    this.clients = clients;
    this.random = random;
    this.time = time;
    this.plan = plan;
  }

  GeneratedRecord request(long atMs) {
    int client = clients.activeClient(random);
    Kind kind = clients.isBot(client) ? KINDS[CRAWLER_KIND.pick(random)] : KINDS[KIND.pick(random)];
    return record(hit(client, kind, atMs), atMs);
  }

  /** The {@code index}-th request of the scanner: each probes a different path that does not exist. */
  GeneratedRecord scanRequest(long atMs, int index) {
    ScanProbe probe = ScanProbe.at(index);
    Hit hit = new Hit(AnomalyPlan.SCANNER_IP, probe.method(), probe.path(), "HTTP/1.1", probe.status(),
        Sampling.between(random, 180, 560), "-", probe.agent());
    return record(hit, atMs);
  }

  private Hit hit(int client, Kind kind, long atMs) {
    String method = method(kind);
    String path = path(kind);
    int status = status(kind, method, atMs);
    if (status == 404) {
      path = missingPath();
    } else if (status == 301) {
      path = path.contains("?") ? path : path + "/";
    }
    return new Hit(clients.address(client), method, path, Sampling.chance(random, 0.75) ? "HTTP/1.1" : "HTTP/2.0",
        status, bytes(kind, path, status), referer(kind), clients.agent(client));
  }

  private String method(Kind kind) {
    switch (kind) {
      case LOGIN:
        return "POST";
      case CHECKOUT:
        return Sampling.chance(random, 0.4) ? "POST" : "GET";
      case API:
        return Sampling.chance(random, 0.2) ? "POST" : "GET";
      default:
        return "GET";
    }
  }

  private String path(Kind kind) {
    switch (kind) {
      case HOME:
        return "/";
      case PRODUCT:
        return productPath();
      case CATEGORY:
        return categoryPath();
      case SEARCH:
        return "/search?q=" + Sampling.oneOf(random, SEARCH_TERMS);
      case CART:
        return "/cart";
      case CHECKOUT:
        return "/checkout";
      case LOGIN:
        return "/login";
      case ASSET:
        return assetPath(ASSET.pick(random));
      default:
        return apiPath();
    }
  }

  private String categoryPath() {
    String path = "/category/" + Sampling.oneOf(random, Catalog.CATEGORIES);
    return Sampling.chance(random, 0.3) ? path + "?page=2" : path;
  }

  private String productPath() {
    String path = "/product/" + catalog.id(catalog.popularProduct(random));
    return Sampling.chance(random, 0.3) ? path + "?ref=" + Sampling.oneOf(random, REFS) : path;
  }

  private String assetPath(int asset) {
    String path = ASSETS[asset];
    return path.endsWith("/") ? path + catalog.id(catalog.popularProduct(random)) + ".jpg" : path;
  }

  private String apiPath() {
    switch (random.nextInt(4)) {
      case 0:
        return "/api/products/" + catalog.id(catalog.popularProduct(random));
      case 1:
        return "/api/recommendations?user=" + users.id(users.activeUser(random));
      case 2:
        return "/api/cart/items";
      default:
        return "/api/search/suggest?q=" + Sampling.oneOf(random, SEARCH_TERMS).substring(0, 3);
    }
  }

  // outages first, then the rare failures everyone has, then what the page usually answers
  private int status(Kind kind, String method, long atMs) {
    if (plan.errorsBurstAt(atMs) && Sampling.chance(random, 0.30)) {
      return Sampling.chance(random, 0.6) ? 500 : 503;
    }
    double draw = random.nextDouble();
    if (draw < 0.005) {
      return SERVER_ERRORS[random.nextInt(SERVER_ERRORS.length)];
    }
    return draw < 0.025 ? 404 : usualStatus(kind, method);
  }

  private int usualStatus(Kind kind, String method) {
    double draw = random.nextDouble();
    switch (kind) {
      case ASSET:
        return draw < 0.35 ? 304 : 200;
      case HOME:
      case PRODUCT:
      case CATEGORY:
        return draw < 0.03 ? 304 : draw < 0.045 ? 301 : 200;
      case LOGIN:
        return draw < 0.72 ? 302 : draw < 0.97 ? 200 : 401;
      case CHECKOUT:
        return method.equals("POST") ? 302 : 200;
      case API:
        return method.equals("POST") ? 201 : draw < 0.01 ? 400 : 200;
      default:
        return 200;
    }
  }

  private String missingPath() {
    switch (random.nextInt(5)) {
      case 0:
        return "/product/p-" + Sampling.between(random, 500, 999);
      case 1:
        return "/static/js/app.0d1e2f3a.js";
      case 2:
        return "/apple-touch-icon.png";
      case 3:
        return "/category/electronic";
      default:
        return "/old-shop/index.html";
    }
  }

  private long bytes(Kind kind, String path, int status) {
    if (status == 304) {
      return -1;
    }
    if (status != 200 && status != 201) {
      return status >= 500 ? Sampling.between(random, 380, 620) : Sampling.between(random, 180, 560);
    }
    double median = kind == Kind.ASSET ? assetMedianBytes(path) : PAGE_MEDIAN_BYTES[kind.ordinal()];
    return Math.max(20, Math.round(Sampling.logNormal(random, Math.log(median), 0.35)));
  }

  private static double assetMedianBytes(String path) {
    for (int asset = 0; asset < ASSETS.length; asset++) {
      if (path.startsWith(ASSETS[asset])) {
        return ASSET_MEDIAN_BYTES[asset];
      }
    }
    return ASSET_MEDIAN_BYTES[ASSETS.length - 1];
  }

  // assets and API calls come from the shop's pages; pages from outside, a search engine or the shop
  private String referer(Kind kind) {
    if (kind == Kind.ASSET || kind == Kind.API) {
      return SHOP + "/product/" + catalog.id(catalog.popularProduct(random));
    }
    double draw = random.nextDouble();
    return draw < 0.35 ? "-" : draw < 0.50 ? Sampling.oneOf(random, SEARCH_ENGINES) : SHOP + "/";
  }

  private GeneratedRecord record(Hit hit, long atMs) {
    line.setLength(0);
    line.append(hit.client()).append(" - - [");
    time.appendApache(line, atMs);
    line.append("] \"").append(hit.method()).append(' ').append(hit.path()).append(' ').append(hit.protocol())
        .append("\" ").append(hit.status()).append(' ').append(hit.bytes() < 0 ? "-" : Long.toString(hit.bytes()))
        .append(" \"").append(hit.referer()).append("\" \"").append(hit.agent()).append('"');
    return new GeneratedRecord(Topics.LOGS_ACCESS, null, line.toString().getBytes(StandardCharsets.UTF_8), atMs);
  }
}
