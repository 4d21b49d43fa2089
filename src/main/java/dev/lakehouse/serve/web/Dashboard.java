package dev.lakehouse.serve.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakehouse.Lakehouse;
import dev.lakehouse.alerts.AlertStore;
import dev.lakehouse.monitor.HealthRules;
import dev.lakehouse.serve.ServeAccess;
import dev.lakehouse.serve.ServeComponent;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ContentType;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web dashboard and its JSON API (Javalin on Jetty), over the server's one warm lakehouse: a page
 * per area (commerce, logs, finance, operations), each a set of panels that the browser draws with
 * ECharts (served from the jar as a WebJar) and keeps live over server-sent events.
 *
 * <pre>
 *   GET  /commerce /logs /finance /operations   the pages (/ goes to /commerce)
 *   GET  /api/pages                             the pages and their panels
 *   GET  /api/pages/{page}                      one page: its panels and how to draw them
 *   GET  /api/panels/{id}                       one panel's figures: columns and rows (computed if a table changed)
 *   GET  /api/events?page={page}                server-sent events: every panel of the page now, then each as it changes
 *   GET  /api/status                            panels, open event streams, poll interval
 *   GET  /api/csrf                              the CSRF token a POST needs (for tools that use no bearer token)
 *   POST /api/alerts/ack                        {"alert_ids": [...], "by": "name"}: the same as `alerts ack`
 *   POST /login                                 form field token: a session cookie (only when a token is required)
 * </pre>
 *
 * See docs/dashboard.md.
 */
public final class Dashboard implements ServeComponent {
  /** How often the Delta versions of the watched tables are looked at. */
  public static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";

  private final int port;
  private final Duration pollInterval;
  private final Clock clock;
  private Javalin app;
  private LivePanels live;

  /** A dashboard on {@code port} (0: any free port). */
  public Dashboard(int port) {
    this(port, POLL_INTERVAL, Clock.systemUTC());
  }

  public Dashboard(int port, Duration pollInterval, Clock clock) {
    this.port = port;
    this.pollInterval = pollInterval;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "dashboard";
  }

  @Override
  public synchronized String start(Lakehouse lakehouse, ServeAccess access) {
    HealthRules health = HealthRules.of(lakehouse.config().monitor());
    live = new LivePanels(lakehouse.spark(), lakehouse.catalog(), Panels.all(lakehouse.catalog(), health), clock, pollInterval);
    WebAccess web = new WebAccess(access, clock);
    String pageHtml = resource("/dashboard/page.html");
    String loginHtml = resource("/dashboard/login.html");
    app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.startupWatcherEnabled = false;
      config.staticFiles.enableWebjars();
      config.staticFiles.add(files -> {
        files.hostedPath = "/static";
        files.directory = "/dashboard/static";
        files.location = Location.CLASSPATH;
      });
      // server-sent events must leave at once, not wait in a compressor's buffer
      config.http.disableCompression();
    });
    app.before(ctx -> {
      WebAccess.secureHeaders(ctx);
      WebAccess.Refusal refusal = web.check(ctx);
      if (refusal != null) {
        refuse(ctx, refusal, loginHtml);
      }
    });
    app.get("/", ctx -> ctx.redirect("/" + Page.COMMERCE.slug));
    for (Page page : Page.values()) {
      app.get("/" + page.slug, ctx -> ctx.html(pageHtml
          .replace("{{page}}", page.slug)
          .replace("{{title}}", page.title)
          .replace("{{csrf}}", web.csrfToken())
          .replace("{{echarts}}", ECHARTS)));
    }
    app.get("/login", ctx -> ctx.html(loginHtml.replace("{{message}}", web.requiresToken()
        ? "" : "No token is needed here: open /commerce.")));
    app.post("/login", ctx -> {
      if (web.login(ctx, ctx.formParam("token"))) {
        ctx.redirect("/" + Page.COMMERCE.slug, io.javalin.http.HttpStatus.SEE_OTHER);
      } else {
        ctx.status(401).html(loginHtml.replace("{{message}}", "That is not the dashboard's token."));
      }
    });
    app.get("/api/pages", ctx -> json(ctx, pages()));
    app.get("/api/pages/{page}", ctx -> json(ctx, layout(page(ctx.pathParam("page")))));
    app.get("/api/panels/{id}", ctx -> json(ctx, live.current(ctx.pathParam("id"))));
    app.get("/api/status", ctx -> json(ctx, JSON.createObjectNode()
        .put("panels", live.panels().size())
        .put("subscribers", live.subscriberCount())
        .put("computing", live.computing())
        .put("poll_interval_ms", pollInterval.toMillis())));
    app.get("/api/csrf", ctx -> json(ctx, JSON.createObjectNode().put("csrf_token", web.csrfToken())
        .put("header", WebAccess.CSRF_HEADER)));
    app.sse("/api/events", client -> subscribe(client));
    app.post("/api/alerts/ack", ctx -> acknowledge(ctx, lakehouse));
    app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.warn("Dashboard request {} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, e.getMessage());
    });
    try {
      app.start(access.host(), port);
    } catch (RuntimeException e) {
      close();
      throw new IllegalStateException(String.format("Cannot start the dashboard on %s:%d: %s (choose another port with "
          + "--http-port or serve.http-port)", access.host(), port, e.getMessage()), e);
    }
    return "http://" + urlHost(access.host()) + ":" + app.port() + "/";
  }

  /** The port the dashboard listens on (once started). */
  public int port() {
    return app.port();
  }

  private void subscribe(SseClient client) {
    Page page = page(client.ctx().queryParam("page"));
    client.keepAlive();
    SseSubscriber subscriber = new SseSubscriber(page, client);
    client.onClose(() -> live.unsubscribe(subscriber));
    live.subscribe(subscriber);
  }

  private void acknowledge(Context ctx, Lakehouse lakehouse) throws IOException {
    JsonNode body = JSON.readTree(ctx.body());
    List<String> ids = new ArrayList<>();
    if (body == null || !body.path("alert_ids").isArray() || body.path("alert_ids").isEmpty()) {
      throw new IllegalArgumentException("Invalid acknowledgement " + ctx.body()
          + ": send {\"alert_ids\": [\"<id>\", ...], \"by\": \"<who>\"}");
    }
    body.path("alert_ids").forEach(id -> ids.add(id.asText()));
    String by = body.path("by").asText("dashboard").isBlank() ? "dashboard" : body.path("by").asText("dashboard");
    List<String> acknowledged = new AlertStore(lakehouse.catalog()).acknowledge(lakehouse.spark(), ids, by, clock.instant());
    List<String> missed = new ArrayList<>(ids);
    missed.removeAll(acknowledged);
    ObjectNode result = JSON.createObjectNode().put("by", by);
    result.set("acknowledged", JSON.valueToTree(acknowledged));
    result.set("not_open", JSON.valueToTree(missed));
    if (!missed.isEmpty()) {
      result.put("error", "Cannot acknowledge " + String.join(", ", missed) + ": no open alert with "
          + (missed.size() == 1 ? "that id" : "those ids"));
    }
    ctx.status(missed.isEmpty() ? 200 : 404);
    json(ctx, result);
  }

  private ArrayNode pages() {
    ArrayNode pages = JSON.createArrayNode();
    for (Page page : Page.values()) {
      pages.add(layout(page));
    }
    return pages;
  }

  private ObjectNode layout(Page page) {
    ObjectNode json = JSON.createObjectNode().put("page", page.slug).put("title", page.title).put("url", "/" + page.slug);
    ArrayNode panels = json.putArray("panels");
    for (Panel panel : live.panels(page)) {
      ObjectNode p = panels.addObject()
          .put("id", panel.id())
          .put("title", panel.title())
          .put("kind", panel.kind().json())
          .put("api", "/api/panels/" + panel.id());
      p.set("tables", JSON.valueToTree(panel.tables()));
      panel.day().ifPresent(day -> p.put("day_of", day.table() + "." + day.column()));
      p.set("view", JSON.valueToTree(panel.view()));
    }
    return json;
  }

  private static Page page(String slug) {
    return Page.of(slug).orElseThrow(() -> new IllegalArgumentException("Invalid page '" + slug
        + "': the dashboard has commerce, logs, finance and operations"));
  }

  private static void refuse(Context ctx, WebAccess.Refusal refusal, String loginHtml) {
    ctx.skipRemainingHandlers();
    if (refusal.status() == 401 && !ctx.path().startsWith("/api/") && accepts(ctx, "text/html")) {
      ctx.status(401).html(loginHtml.replace("{{message}}", "This dashboard needs its token."));
      return;
    }
    error(ctx, refusal.status(), refusal.message());
  }

  private static boolean accepts(Context ctx, String type) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains(type);
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status).contentType(ContentType.APPLICATION_JSON)
        .result(JSON.createObjectNode().put("error", String.valueOf(message)).toString());
  }

  private static void json(Context ctx, Object value) {
    ctx.header("Cache-Control", "no-store");
    ctx.contentType(ContentType.APPLICATION_JSON).result(value instanceof String s ? s : value.toString());
  }

  private static String urlHost(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static String resource(String path) {
    try (InputStream in = Dashboard.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find " + path + " on the classpath: the jar is incomplete");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    if (app != null) {
      app.stop();
      app = null;
    }
    if (live != null) {
      live.close();
      live = null;
    }
  }

  /** One browser tab's event stream. */
  private record SseSubscriber(Page page, SseClient client) implements LivePanels.Subscriber {
    @Override
    public boolean send(String event, String data) {
      synchronized (client) {
        if (client.terminated()) {
          return false;
        }
        client.sendEvent(event, data);
        return !client.terminated();
      }
    }
  }
}
