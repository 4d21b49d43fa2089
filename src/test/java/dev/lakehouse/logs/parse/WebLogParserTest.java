package dev.lakehouse.logs.parse;

import static dev.lakehouse.logs.parse.Results.parsedValue;
import static dev.lakehouse.logs.parse.Results.rejected;
import static dev.lakehouse.logs.parse.Results.ruleOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebLogParserTest {
  private static final String CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
  private static final Instant NOV_21_10_15_30 = Instant.parse("2026-11-21T10:15:30Z");

  @Test
  void apacheCommonLineHasItsOffsetConvertedToUtc() {
    String line = "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326";
    assertThat(parsedValue(WebLogParser.parse(line, LogFormat.APACHE_COMMON))).isEqualTo(new WebRequest(null,
        "127.0.0.1", false, null, "frank", Instant.parse("2000-10-10T20:55:36Z"), "GET", "/apache_pb.gif", null,
        "HTTP/1.0", 200, 2326L, null, null, null, "GET /apache_pb.gif HTTP/1.0"));
  }

  @Test
  void apacheCombinedLineHasReferrerAndUserAgent() {
    String line = "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326 "
        + "\"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"";
    assertThat(parsedValue(WebLogParser.parse(line, LogFormat.APACHE_COMBINED))).isEqualTo(new WebRequest(null,
        "127.0.0.1", false, null, "frank", Instant.parse("2000-10-10T20:55:36Z"), "GET", "/apache_pb.gif", null,
        "HTTP/1.0", 200, 2326L, "http://www.example.com/start.html", "Mozilla/4.08 [en] (Win98; I ;Nav)", null,
        "GET /apache_pb.gif HTTP/1.0"));
  }

  @Test
  void virtualHostWithPortComesFirstInVhostCombined() {
    String line = "www.example.com:443 1.2.3.4 - - [21/Nov/2026:11:15:30 +0100] \"GET /cart HTTP/2.0\" 200 9012 "
        + "\"https://shop.example/\" \"" + CHROME + "\"";
    assertThat(parsedValue(WebLogParser.parse(line, LogFormat.APACHE_COMBINED_VHOST))).isEqualTo(new WebRequest(
        "www.example.com", "1.2.3.4", false, null, null, NOV_21_10_15_30, "GET", "/cart", null, "HTTP/2.0", 200, 9012L,
        "https://shop.example/", CHROME, null, "GET /cart HTTP/2.0"));
  }

  @Test
  void virtualHostWithoutPortComesFirstInVhostCommon() {
    String line = "shop.example 2001:db8::1 - - [21/Nov/2026:10:15:30 +0000] \"HEAD / HTTP/1.1\" 200 -";
    assertThat(parsedValue(WebLogParser.parse(line, LogFormat.APACHE_COMMON_VHOST))).isEqualTo(new WebRequest(
        "shop.example", "2001:db8::1", true, null, null, NOV_21_10_15_30, "HEAD", "/", null, "HTTP/1.1", 200, null,
        null, null, null, "HEAD / HTTP/1.1"));
  }

  @Test
  void eitherVhostFormTakesTheOtherPortForm() {
    String common = "shop.example:80 10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 12";
    String combined = "[2001:db8::10]:443 10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 12 \"-\" \"-\"";
    assertThat(parsedValue(WebLogParser.parse(common, LogFormat.APACHE_COMMON_VHOST)).vhost()).isEqualTo("shop.example");
    assertThat(parsedValue(WebLogParser.parse(combined, LogFormat.APACHE_COMBINED_VHOST)).vhost()).isEqualTo("2001:db8::10");
  }

  @Test
  void nginxDefaultCombinedLine() {
    String line = "203.0.113.7 - alice [21/Nov/2026:10:15:30 +0000] \"POST /api/cart/items HTTP/1.1\" 201 57 \"-\" "
        + "\"curl/8.4.0\"";
    assertThat(parsedValue(WebLogParser.parse(line, LogFormat.NGINX))).isEqualTo(new WebRequest(null, "203.0.113.7",
        false, null, "alice", NOV_21_10_15_30, "POST", "/api/cart/items", null, "HTTP/1.1", 201, 57L, null, "curl/8.4.0",
        null, "POST /api/cart/items HTTP/1.1"));
  }

  @Test
  void nginxRequestTimeInSecondsBecomesMicroseconds() {
    String line = "203.0.113.7 - - [21/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"" + CHROME + "\" 0.123";
    assertThat(parsedValue(WebLogParser.parse(line, LogFormat.NGINX)).responseTimeUs()).isEqualTo(123_000L);
  }

  @Test
  void nginxRequestTimeAfterForwardedForIsFound() {
    String line = "203.0.113.7 - - [21/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"" + CHROME
        + "\" \"198.51.100.2, 10.0.0.1\" 12.0045 0.012";
    WebRequest request = parsedValue(WebLogParser.parse(line, LogFormat.NGINX));
    assertThat(request.responseTimeUs()).isEqualTo(12_004_500L);
    assertThat(request.userAgent()).isEqualTo(CHROME);
  }

  @Test
  void apacheTimeTakenInMicrosecondsFollowsCombinedOrCommon() {
    String combined = "10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"-\" 1534";
    String common = "10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 612 250000";
    assertThat(parsedValue(WebLogParser.parse(combined, LogFormat.APACHE_COMBINED)).responseTimeUs()).isEqualTo(1534L);
    assertThat(parsedValue(WebLogParser.parse(common, LogFormat.APACHE_COMMON)).responseTimeUs()).isEqualTo(250_000L);
  }

  @Test
  void ipv6ClientsAreRecognised() {
    for (String ip : new String[] {"2001:db8::1", "::1", "::ffff:192.0.2.1", "fe80::1%eth0"}) {
      WebRequest request = parsedValue(WebLogParser.parseAny(ip + " - - [21/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 1"));
      assertThat(request.ip()).isEqualTo(ip);
      assertThat(request.isIpv6()).as(ip).isTrue();
    }
    assertThat(parsedValue(WebLogParser.parseAny("crawl-66-249-66-1.googlebot.com - - [21/Nov/2026:10:15:30 +0000] "
        + "\"GET / HTTP/1.1\" 200 1")).isIpv6()).isFalse();
  }

  @Test
  void dashesMeanMissingSizeReferrerUserAndAgent() {
    String line = "192.0.2.1 - - [21/Nov/2026:10:15:30 +0000] \"GET /static/css/main.css HTTP/1.1\" 304 - \"-\" \"-\"";
    WebRequest request = parsedValue(WebLogParser.parse(line, LogFormat.APACHE_COMBINED));
    assertThat(request.bytes()).isNull();
    assertThat(request.referrer()).isNull();
    assertThat(request.user()).isNull();
    assertThat(request.identity()).isNull();
    assertThat(request.userAgent()).isNull();
  }

  @Test
  void escapedQuotesInsideUserAgentAndRequestAreUnescaped() {
    String line = "192.0.2.1 - - [21/Nov/2026:10:15:30 +0000] \"GET /search?q=\\\"shoes\\\" HTTP/1.1\" 200 5 "
        + "\"-\" \"Mozilla/5.0 \\\"quoted\\\" agent \\\\o/\"";
    WebRequest request = parsedValue(WebLogParser.parse(line, LogFormat.APACHE_COMBINED));
    assertThat(request.userAgent()).isEqualTo("Mozilla/5.0 \"quoted\" agent \\o/");
    assertThat(request.query()).isEqualTo("q=\"shoes\"");
    assertThat(request.rawRequest()).isEqualTo("GET /search?q=\"shoes\" HTTP/1.1");
  }

  @Test
  void unescapedQuoteInsideRequestIsToleratedWhenAStatusFollowsTheRealEnd() {
    String line = "192.0.2.1 - - [21/Nov/2026:10:15:30 +0000] \"GET /a\"b HTTP/1.1\" 404 12 \"-\" \"-\"";
    WebRequest request = parsedValue(WebLogParser.parseAny(line));
    assertThat(request.path()).isEqualTo("/a\"b");
    assertThat(request.status()).isEqualTo(404);
  }

  @Test
  void requestLineOfJustADashIsKeptWithoutMethodAndPath() {
    String line = "192.0.2.1 - - [21/Nov/2026:10:15:30 +0000] \"-\" 408 0 \"-\" \"-\"";
    assertThat(parsedValue(WebLogParser.parse(line, LogFormat.NGINX))).isEqualTo(new WebRequest(null, "192.0.2.1",
        false, null, null, NOV_21_10_15_30, null, null, null, null, 408, 0L, null, null, null, "-"));
  }

  @Test
  void tlsHandshakeSentToThePlainPortIsKeptAsTheRawRequest() {
    String handshake = "\\x16\\x03\\x01\\x00\\xa5\\x01\\x00\\x00\\xa1\\x03\\x03\\x8a\\xe3";
    String line = "45.155.205.233 - - [21/Nov/2026:10:15:30 +0000] \"" + handshake + "\" 400 157 \"-\" \"-\"";
    WebRequest request = parsedValue(WebLogParser.parse(line, LogFormat.NGINX));
    assertThat(request.rawRequest()).isEqualTo(handshake);
    assertThat(request.method()).isNull();
    assertThat(request.path()).isNull();
    assertThat(request.protocol()).isNull();
    assertThat(request.status()).isEqualTo(400);
  }

  @Test
  void garbageWordsInTheRequestAreNoRequest() {
    String line = "45.155.205.233 - - [21/Nov/2026:10:15:30 +0000] \"Hello there friend\" 400 0 \"-\" \"-\"";
    assertThat(parsedValue(WebLogParser.parseAny(line)).method()).isNull();
  }

  @Test
  void unknownMethodsAndTargetsWithoutProtocolAreKept() {
    WebRequest dav = parsedValue(WebLogParser.parseAny(
        "10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"PROPFIND /dav/ HTTP/1.1\" 207 300"));
    WebRequest http09 = parsedValue(WebLogParser.parseAny("10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"GET /\" 200 3"));
    WebRequest proxy = parsedValue(WebLogParser.parseAny(
        "10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"CONNECT example.com:443 HTTP/1.1\" 405 0"));
    assertThat(dav.method()).isEqualTo("PROPFIND");
    assertThat(http09.path()).isEqualTo("/");
    assertThat(http09.protocol()).isNull();
    assertThat(proxy.path()).isEqualTo("example.com:443");
  }

  @Test
  void pathAndQuerySplitOnTheFirstQuestionMarkKeepingPercentEncoding() {
    WebRequest request = parsedValue(WebLogParser.parseAny("10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] "
        + "\"GET /caf%C3%A9/index.php?id=1%27%20OR%20%271%27%3D%271?x=y HTTP/1.1\" 200 3"));
    assertThat(request.path()).isEqualTo("/caf%C3%A9/index.php");
    assertThat(request.query()).isEqualTo("id=1%27%20OR%20%271%27%3D%271?x=y");
    WebRequest emptyQuery = parsedValue(WebLogParser.parseAny(
        "10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"GET /a? HTTP/1.1\" 200 3"));
    assertThat(emptyQuery.query()).isEmpty();
  }

  @Test
  void parseAnyReadsEveryWebFormat() {
    String time = " [21/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 3";
    assertThat(parsedValue(WebLogParser.parseAny("10.0.0.1 - -" + time)).userAgent()).isNull();
    assertThat(parsedValue(WebLogParser.parseAny("10.0.0.1 - -" + time + " \"-\" \"curl/8\"")).userAgent())
        .isEqualTo("curl/8");
    assertThat(parsedValue(WebLogParser.parseAny("h.example:8080 10.0.0.1 - -" + time)).vhost()).isEqualTo("h.example");
    assertThat(parsedValue(WebLogParser.parseAny("h.example 10.0.0.1 - -" + time + " \"-\" \"x\" 0.5")).responseTimeUs())
        .isEqualTo(500_000L);
  }

  @Test
  void trailingNewlineIsIgnored() {
    String line = "10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 3 \"-\" \"x\"\r\n";
    assertThat(parsedValue(WebLogParser.parse(line, LogFormat.APACHE_COMBINED)).userAgent()).isEqualTo("x");
  }

  @Test
  void badTimestampsAreRejected() {
    String prefix = "10.0.0.1 - - [";
    String suffix = "] \"GET / HTTP/1.1\" 200 3";
    assertThat(ruleOf(WebLogParser.parseAny(prefix + "21/Foo/2026:10:15:30 +0000" + suffix))).isEqualTo("parse.bad_timestamp");
    assertThat(ruleOf(WebLogParser.parseAny(prefix + "31/Nov/2026:10:15:30 +0000" + suffix))).isEqualTo("parse.bad_timestamp");
    assertThat(ruleOf(WebLogParser.parseAny(prefix + "21/Nov/2026:25:15:30 +0000" + suffix))).isEqualTo("parse.bad_timestamp");
    assertThat(ruleOf(WebLogParser.parseAny(prefix + "2026-11-21T10:15:30Z" + suffix))).isEqualTo("parse.bad_timestamp");
    assertThat(rejected(WebLogParser.parseAny(prefix + "21/Foo/2026:10:15:30 +0000" + suffix)).reason())
        .startsWith("Invalid month 'Foo' in timestamp '21/Foo/2026:10:15:30 +0000'")
        .endsWith("in line '10.0.0.1 - - [21/Foo/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 3'");
  }

  @Test
  void badStatusesAreRejected() {
    String prefix = "10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" ";
    assertThat(ruleOf(WebLogParser.parseAny(prefix + "2x0 3"))).isEqualTo("parse.bad_status");
    assertThat(ruleOf(WebLogParser.parseAny(prefix + "999 3"))).isEqualTo("parse.bad_status");
    assertThat(ruleOf(WebLogParser.parseAny(prefix + "- 3"))).isEqualTo("parse.bad_status");
    assertThat(rejected(WebLogParser.parseAny(prefix + "2x0 3")).reason())
        .startsWith("Invalid status '2x0': expected a number from 100 to 599 in line");
  }

  @Test
  void requestLineWithoutClosingQuoteIsRejected() {
    String line = "10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1 200 3";
    assertThat(ruleOf(WebLogParser.parseAny(line))).isEqualTo("parse.bad_request_line");
  }

  @Test
  void linesInNoWebFormatAreRejected() {
    assertThat(ruleOf(WebLogParser.parseAny("<34>Oct 11 22:14:15 mymachine su: 'su root' failed"))).isEqualTo("parse.no_format");
    assertThat(ruleOf(WebLogParser.parseAny("{\"ts\":\"2026-11-21T10:15:30Z\"}"))).isEqualTo("parse.no_format");
    assertThat(ruleOf(WebLogParser.parseAny("~~q8#x%&*kz0 [a] b"))).isEqualTo("parse.no_format");
    assertThat(ruleOf(WebLogParser.parseAny("10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 3k")))
        .isEqualTo("parse.no_format");
  }

  @Test
  void linesOfAnotherWebFormatAreRejected() {
    String common = "10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 3";
    String combined = common + " \"-\" \"curl/8\"";
    assertThat(ruleOf(WebLogParser.parse(common, LogFormat.APACHE_COMBINED))).isEqualTo("parse.no_format");
    assertThat(ruleOf(WebLogParser.parse(combined, LogFormat.APACHE_COMMON))).isEqualTo("parse.no_format");
    assertThat(ruleOf(WebLogParser.parse("h.example " + combined, LogFormat.NGINX))).isEqualTo("parse.no_format");
    assertThat(ruleOf(WebLogParser.parse(combined, LogFormat.APACHE_COMBINED_VHOST))).isEqualTo("parse.no_format");
  }

  @Test
  void emptyLinesAreRejectedAsEmpty() {
    assertThat(ruleOf(WebLogParser.parseAny(""))).isEqualTo("parse.empty");
    assertThat(ruleOf(WebLogParser.parseAny(" \n"))).isEqualTo("parse.empty");
    assertThat(ruleOf(WebLogParser.parseAny(null))).isEqualTo("parse.empty");
  }

  @Test
  void reasonsQuoteAtMost80CharactersOfTheLine() {
    String line = "10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"GET /" + "a".repeat(500) + " HTTP/1.1\" 2000 3";
    String reason = rejected(WebLogParser.parseAny(line)).reason();
    assertThat(reason).contains("in line '" + line.substring(0, 77) + "...'").doesNotContain("a".repeat(100));
  }

  @Test
  void nonWebFormatsAreRefused() {
    assertThatThrownBy(() -> WebLogParser.parse("x", LogFormat.SYSLOG_3164))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid log format syslog-3164 for web access logs");
  }
}
