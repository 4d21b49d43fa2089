package dev.lakehouse.logs.parse;

import java.time.Instant;
import java.util.Arrays;

/**
 * Reads one access log line of the Apache and nginx formats in a single pass, left to right, without
 * regular expressions:
 *
 * <pre>
 * [vhost[:port]] client identity user [time] "request" status size ["referrer" "user agent" extras...] [time taken]
 * </pre>
 *
 * Given a format, the line must have that shape; given none, the shape decides: four fields before the
 * time mean a virtual host comes first, a quoted field after the size means a referrer and user agent
 * follow.
 */
final class AccessLineScanner {
  /** One line read: the request, and the format the line is in (the most specific one when none was given). */
  record Scan(WebRequest request, LogFormat format) {}

  private static final int MAX_SIZE_DIGITS = 18;
  private static final int MAX_SECONDS_DIGITS = 9;
  private static final int MICROS_DIGITS = 6;

  private static final boolean[] HOST_CHARS = hostChars();

  private final String line;
  private final Cursor cursor;
  private final LogFormat expected;
  private boolean isTimeInSeconds;

  private AccessLineScanner(String line, LogFormat expected) {
    this.line = line;
    this.cursor = new Cursor(line);
    this.expected = expected;
  }

  /**
   * @param line a line without trailing white space
   * @param expected the format the line must have, or null for any web format
   */
  static Scan scan(String line, LogFormat expected) {
    return new AccessLineScanner(line, expected).scan();
  }

  private Scan scan() {
    String[] fields = fieldsBeforeTime();
    boolean hasVhost = fields.length == 4;
    int first = hasVhost ? 1 : 0;
    Instant requestAt = Timestamps.apache(cursor.until(']', "timestamp"));
    cursor.expect(' ', "after the timestamp");
    String rawRequest = rawRequest();
    RequestLine request = RequestLine.of(rawRequest);
    int status = status();
    Long bytes = bytes();
    boolean hasAgent = expected == null ? line.startsWith(" \"", cursor.position()) : hasAgent(expected);
    String referrer = hasAgent ? referrer() : null;
    String userAgent = hasAgent ? orNull(cursor.quoted("user agent")) : null;
    Long responseTimeUs = hasAgent ? responseTimeAfterAgent() : responseTimeAfterSize();
    WebRequest web = new WebRequest(hasVhost ? withoutPort(fields[0]) : null, address(fields[first]),
        isIpv6(fields[first]), orNull(fields[first + 1]), orNull(fields[first + 2]), requestAt, request.method(),
        request.path(), request.query(), request.protocol(), status, bytes, referrer, userAgent, responseTimeUs,
        rawRequest);
    return new Scan(web, expected != null ? expected : formatOf(hasVhost, hasAgent));
  }

  // client, identity and user, after a virtual host in the vhost formats; the cursor ends inside "["
  private String[] fieldsBeforeTime() {
    int timeStart = line.indexOf(" [");
    if (timeStart < 0) {
      throw Rejection.noFormat("Invalid access log line: no ' [' opens a timestamp");
    }
    String[] fields = fields(timeStart);
    int wanted = expected == null ? fields.length : hasVhost(expected) ? 4 : 3;
    if (fields.length != wanted || wanted < 3 || wanted > 4) {
      String found = fields.length == 5 ? "5 or more" : Integer.toString(fields.length);
      String wants = expected == null
          ? "3 (client, identity, user) or 4 (virtual host first)" : wanted + " for " + expected.formatName();
      throw Rejection.noFormat("Invalid access log line: " + found + " fields before the timestamp, expected " + wants);
    }
    requireHostLike(fields[0], wanted == 4 ? "virtual host" : "client address");
    requireHostLike(fields[wanted - 3], "client address");
    cursor.moveTo(timeStart + 2);
    return fields;
  }

  // the words before the timestamp; a fifth holds the rest, to be rejected
  private String[] fields(int end) {
    String[] found = new String[5];
    int count = 0;
    int start = 0;
    for (int space = line.indexOf(' '); space >= 0 && space < end && count < 4; space = line.indexOf(' ', start)) {
      found[count++] = line.substring(start, space);
      start = space + 1;
    }
    found[count++] = line.substring(start, end);
    return count == found.length ? found : Arrays.copyOf(found, count);
  }

  private String rawRequest() {
    cursor.expect('"', "before the request line");
    int close = requestClose();
    if (close < 0) {
      throw new Rejection(Rules.BAD_REQUEST_LINE, "Invalid request line: no closing '\"'");
    }
    return cursor.quotedUpTo(close);
  }

  // the closing quote, escapes honoured; when a stray unescaped quote hides it, the first quote before a status
  private int requestClose() {
    int close = cursor.closingQuote();
    if (close < 0 || isStatusAfter(close)) {
      return close;
    }
    for (int quote = line.indexOf('"', cursor.position()); quote >= 0; quote = line.indexOf('"', quote + 1)) {
      if (isStatusAfter(quote)) {
        return quote;
      }
    }
    return close;
  }

  private boolean isStatusAfter(int quote) {
    int end = quote + 5;
    return end <= line.length() && line.charAt(quote + 1) == ' ' && Cursor.isDigit(line.charAt(quote + 2))
        && Cursor.isDigit(line.charAt(quote + 3)) && Cursor.isDigit(line.charAt(quote + 4))
        && (end == line.length() || line.charAt(end) == ' ');
  }

  private int status() {
    cursor.expect(' ', "after the request line");
    String text = cursor.token();
    boolean isNumber = text.length() == 3 && allDigits(text, 0, 3);
    int status = isNumber ? Integer.parseInt(text) : -1;
    if (status < 100 || status > 599) {
      throw new Rejection(Rules.BAD_STATUS, "Invalid status '" + text + "': expected a number from 100 to 599");
    }
    return status;
  }

  private Long bytes() {
    cursor.expect(' ', "after the status");
    String text = cursor.token();
    if (text.equals("-")) {
      return null;
    }
    if (text.isEmpty() || text.length() > MAX_SIZE_DIGITS || !allDigits(text, 0, text.length())) {
      throw Rejection.noFormat("Invalid response size '" + text + "': expected a number of bytes or '-'");
    }
    return Long.parseLong(text);
  }

  private String referrer() {
    cursor.expect(' ', "after the response size");
    String referrer = orNull(cursor.quoted("referrer"));
    cursor.expect(' ', "after the referrer");
    return referrer;
  }

  // common formats: nothing more, or the time taken (%D)
  private Long responseTimeAfterSize() {
    if (cursor.atEnd()) {
      return null;
    }
    cursor.expect(' ', "after the response size");
    String text = cursor.rest();
    Long responseTimeUs = responseTimeUs(text);
    if (responseTimeUs == null) {
      throw Rejection.noFormat("Invalid field '" + text + "' after the response size: expected the end of the line"
          + " or a time taken (seconds with a decimal point, or microseconds)");
    }
    return responseTimeUs;
  }

  // combined formats: any further fields (nginx adds $request_time, "$http_x_forwarded_for" ...); the first
  // number is the time taken
  private Long responseTimeAfterAgent() {
    Long responseTimeUs = null;
    while (!cursor.atEnd()) {
      cursor.expect(' ', "between fields after the user agent");
      String field = cursor.isAt('"') ? cursor.quoted("field after the user agent") : cursor.token();
      responseTimeUs = responseTimeUs != null ? responseTimeUs : responseTimeUs(field);
    }
    return responseTimeUs;
  }

  /** Seconds when the number has a decimal point ({@code 0.123}), microseconds when it has none; null if no number. */
  private Long responseTimeUs(String text) {
    int point = text.indexOf('.');
    int wholeEnd = point < 0 ? text.length() : point;
    boolean isNumber = wholeEnd > 0 && wholeEnd <= MAX_SIZE_DIGITS && allDigits(text, 0, wholeEnd)
        && (point < 0 || (point + 1 < text.length() && allDigits(text, point + 1, text.length())));
    if (!isNumber || (point >= 0 && wholeEnd > MAX_SECONDS_DIGITS)) {
      return null;
    }
    isTimeInSeconds = point >= 0;
    long whole = Long.parseLong(text.substring(0, wholeEnd));
    return point < 0 ? whole : whole * 1_000_000 + micros(text.substring(point + 1));
  }

  // the first six digits of a fraction of a second, as microseconds
  private static long micros(String fraction) {
    String digits = fraction.length() > MICROS_DIGITS ? fraction.substring(0, MICROS_DIGITS) : fraction;
    return Long.parseLong(digits) * (long) Math.pow(10, MICROS_DIGITS - digits.length());
  }

  private LogFormat formatOf(boolean hasVhost, boolean hasAgent) {
    if (hasVhost) {
      return hasAgent ? LogFormat.APACHE_COMBINED_VHOST : LogFormat.APACHE_COMMON_VHOST;
    }
    if (!hasAgent) {
      return LogFormat.APACHE_COMMON;
    }
    return isTimeInSeconds ? LogFormat.NGINX : LogFormat.APACHE_COMBINED;
  }

  private static boolean hasVhost(LogFormat format) {
    return format == LogFormat.APACHE_COMBINED_VHOST || format == LogFormat.APACHE_COMMON_VHOST;
  }

  private static boolean hasAgent(LogFormat format) {
    return format != LogFormat.APACHE_COMMON && format != LogFormat.APACHE_COMMON_VHOST;
  }

  // letters, digits and . : - _ % [ ] (IPv4, IPv6 with zone or brackets, host names, "unix:")
  private static void requireHostLike(String field, String what) {
    boolean isHostLike = !field.isEmpty();
    for (int i = 0; i < field.length() && isHostLike; i++) {
      char c = field.charAt(i);
      isHostLike = c < HOST_CHARS.length && HOST_CHARS[c];
    }
    if (!isHostLike) {
      throw Rejection.noFormat("Invalid " + what + " '" + field + "': expected an IP address or a host name");
    }
  }

  private static boolean[] hostChars() {
    boolean[] isHostChar = new boolean[128];
    for (char c = 0; c < isHostChar.length; c++) {
      isHostChar[c] = Character.isLetterOrDigit(c) || ".:-_%[]".indexOf(c) >= 0;
    }
    return isHostChar;
  }

  private static String address(String field) {
    boolean isBracketed = field.length() > 2 && field.charAt(0) == '[' && field.endsWith("]");
    return isBracketed ? field.substring(1, field.length() - 1) : field;
  }

  // a host name has no colon and "unix:" one; an IPv6 address has at least two
  private static boolean isIpv6(String field) {
    int colon = field.indexOf(':');
    return colon >= 0 && field.indexOf(':', colon + 1) >= 0;
  }

  // www.example.com:443 -> www.example.com, [2001:db8::1]:443 -> 2001:db8::1; a bare IPv6 address stays whole
  private static String withoutPort(String vhost) {
    int colon = vhost.lastIndexOf(':');
    if (colon <= 0 || colon == vhost.length() - 1 || !allDigits(vhost, colon + 1, vhost.length())) {
      return address(vhost);
    }
    String host = vhost.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      return address(host);
    }
    return host.indexOf(':') >= 0 ? vhost : host;
  }

  private static boolean allDigits(String text, int from, int end) {
    for (int i = from; i < end; i++) {
      if (!Cursor.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String orNull(String field) {
    return field.equals("-") ? null : field;
  }
}
