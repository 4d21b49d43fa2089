package dev.lakehouse.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium (the Debian {@code chromium} package) driven over the DevTools protocol with the JDK's
 * WebSocket client: open a page, evaluate JavaScript in it, take a screenshot.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path profile;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String endpoint;

  private HeadlessChromium(Process process, Path profile, String endpoint) {
    this.process = process;
    this.profile = profile;
    this.endpoint = endpoint;
  }

  /** Starts {@code chromium} from the PATH on a free loopback port with a throwaway profile. */
  public static HeadlessChromium start() throws IOException {
    Path profile = Files.createTempDirectory("chromium-profile");
    Process process = new ProcessBuilder("chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
        .redirectErrorStream(true).start();
    BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = lines.readLine()) != null; ) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        URI browser = URI.create(m.group(1));
        Thread drain = new Thread(() -> lines.lines().forEach(l -> { }), "chromium-output");
        drain.setDaemon(true);
        drain.start();
        return new HeadlessChromium(process, profile, "http://" + browser.getHost() + ":" + browser.getPort());
      }
    }
    throw new IllegalStateException("Cannot start chromium: it exited without a DevTools endpoint:\n" + seen);
  }

  /** Opens a page at the URL and waits until it has loaded. */
  public Page open(URI url) throws Exception {
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/json/new?" + url))
        .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 200) {
      throw new IllegalStateException("Cannot open " + url + ": DevTools said " + created.statusCode() + " "
          + created.body());
    }
    JsonNode target = JSON.readTree(created.body());
    Page page = new Page(target.get("id").asText(), target.get("webSocketDebuggerUrl").asText());
    // a new tab starts on about:blank, which is "complete" at once: wait for the page asked for
    boolean blank = url.toString().equals("about:blank");
    Poll.until("the page " + url + " to load", Duration.ofSeconds(30),
        () -> page.evaluate("(location.href !== 'about:blank' || " + blank + ") && document.readyState === 'complete'")
            .asBoolean());
    return page;
  }

  /**
   * Opens a page of the given size and records its console from the start: uncaught exceptions,
   * console.error calls and the browser's own error entries (failed loads, CSP violations), see
   * {@link Page#consoleErrors()}.
   */
  public Page openWatched(URI url, int width, int height) throws Exception {
    Page page = open(URI.create("about:blank"));
    page.call("Runtime.enable", JSON.createObjectNode());
    page.call("Log.enable", JSON.createObjectNode());
    page.call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode()
        .put("width", width).put("height", height).put("deviceScaleFactor", 1).put("mobile", false));
    page.call("Page.navigate", JSON.createObjectNode().put("url", url.toString()));
    Poll.until("the page " + url + " to load", Duration.ofSeconds(30),
        () -> page.evaluate("location.href + ' ' + document.readyState").asText().equals(url + " complete"));
    return page;
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    try (var walk = Files.walk(profile)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** One tab, spoken to over its own WebSocket; closing it closes the tab (and its connections). */
  public final class Page implements WebSocket.Listener, AutoCloseable {
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private final java.util.List<String> consoleErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final String targetId;
    private final WebSocket socket;

    private Page(String targetId, String url) {
      this.targetId = targetId;
      this.socket = http.newWebSocketBuilder().buildAsync(URI.create(url), this).join();
    }

    @Override
    public void close() throws Exception {
      socket.abort();
      http.send(HttpRequest.newBuilder(URI.create(endpoint + "/json/close/" + targetId)).build(),
          HttpResponse.BodyHandlers.discarding());
    }

    /** The value of a JavaScript expression (returned by value, so make it JSON-friendly). */
    public JsonNode evaluate(String expression) {
      ObjectNode params = JSON.createObjectNode().put("expression", expression).put("returnByValue", true);
      JsonNode result = call("Runtime.evaluate", params);
      if (result.has("exceptionDetails")) {
        throw new IllegalStateException("Cannot evaluate " + expression + ": " + result.get("exceptionDetails"));
      }
      return result.path("result").path("value");
    }

    /** Errors the page's console showed since {@link #openWatched} (none are recorded for {@link #open}). */
    public java.util.List<String> consoleErrors() {
      return java.util.List.copyOf(consoleErrors);
    }

    /** A PNG of the whole document, beyond the viewport, written to the file. */
    public Path screenshotFullPage(Path file) throws IOException {
      JsonNode size = call("Page.getLayoutMetrics", JSON.createObjectNode()).get("cssContentSize");
      ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", 0)
          .put("width", size.get("width").asDouble()).put("height", size.get("height").asDouble()).put("scale", 1);
      ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
      params.set("clip", clip);
      byte[] png = Base64.getDecoder().decode(call("Page.captureScreenshot", params).get("data").asText());
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.write(file, png);
    }

    /** A PNG of the whole page, written to the file. */
    public Path screenshot(Path file) throws IOException {
      ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
      byte[] png = Base64.getDecoder().decode(call("Page.captureScreenshot", params).get("data").asText());
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.write(file, png);
    }

    private JsonNode call(String method, ObjectNode params) {
      int id = ids.incrementAndGet();
      CompletableFuture<JsonNode> reply = new CompletableFuture<>();
      pending.put(id, reply);
      ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
      message.set("params", params);
      socket.sendText(message.toString(), true).join();
      JsonNode answer = reply.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
      if (answer.has("error")) {
        throw new IllegalStateException(method + " failed: " + answer.get("error"));
      }
      return answer.get("result");
    }

    private void recordConsoleError(JsonNode message) {
      String method = message.path("method").asText();
      JsonNode params = message.path("params");
      if (method.equals("Runtime.exceptionThrown")) {
        JsonNode details = params.path("exceptionDetails");
        consoleErrors.add("exception: " + details.path("exception").path("description").asText(details.path("text").asText()));
      } else if (method.equals("Runtime.consoleAPICalled") && params.path("type").asText().matches("error|assert")) {
        StringBuilder text = new StringBuilder("console." + params.path("type").asText() + ":");
        params.path("args").forEach(arg -> text.append(' ').append(arg.path("value").asText(arg.path("description").asText())));
        consoleErrors.add(text.toString());
      } else if (method.equals("Log.entryAdded") && params.path("entry").path("level").asText().equals("error")) {
        JsonNode entry = params.path("entry");
        consoleErrors.add(entry.path("source").asText() + ": " + entry.path("text").asText() + " " + entry.path("url").asText());
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(partial.toString());
          recordConsoleError(message);
          CompletableFuture<JsonNode> reply = message.has("id") ? pending.remove(message.get("id").asInt()) : null;
          if (reply != null) {
            reply.complete(message);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          partial.setLength(0);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
