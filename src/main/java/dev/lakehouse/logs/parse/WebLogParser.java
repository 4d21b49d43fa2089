package dev.lakehouse.logs.parse;

import java.util.Optional;

/**
 * Parses web server access log lines: Apache common and combined, with or without a leading virtual
 * host, and nginx's combined with {@code $request_time} or more fields after it. A single hand-written
 * pass over the line, no regular expressions, well over a million lines a second on one core.
 *
 * <p>What it accepts beyond the textbook format, because real servers write it:
 *
 * <ul>
 *   <li>a request line that is no request ({@code "-"}, a TLS handshake {@code "\x16\x03\x01..."}, scanner
 *       noise) parses, with method, path, query and protocol null and {@code rawRequest} as logged;</li>
 *   <li>any method that is an HTTP token, spaces inside the target, no protocol (HTTP/0.9);</li>
 *   <li>{@code \"} inside quoted fields, and an unescaped quote inside the request line when a status
 *       follows the real closing quote;</li>
 *   <li>a number after the standard fields: seconds when it has a decimal point (nginx
 *       {@code $request_time}), microseconds when not (Apache {@code %D}).</li>
 * </ul>
 *
 * Stateless: call it from any thread, any Spark task.
 */
public final class WebLogParser {
  private WebLogParser() {}

  /**
   * Parses a line that must be in the given web format.
   *
   * @throws IllegalArgumentException if the format is not a web format
   */
  public static ParseResult<WebRequest> parse(String line, LogFormat format) {
    if (format == null || !format.isWeb()) {
      throw new IllegalArgumentException("Invalid log format " + (format == null ? "null" : format.formatName())
          + " for web access logs: use one of apache-common, apache-combined, apache-combined-vhost, "
          + "apache-common-vhost, nginx");
    }
    return parsed(line, format);
  }

  /** Parses a line in whichever web format it is. */
  public static ParseResult<WebRequest> parseAny(String line) {
    return parsed(line, null);
  }

  /** The most specific web format the line is in, or empty when it is in none. */
  static Optional<LogFormat> formatOf(String line) {
    try {
      return Optional.of(AccessLineScanner.scan(Rules.trimmedEnd(line), null).format());
    } catch (Rejection rejection) {
      return Optional.empty();
    }
  }

  private static ParseResult<WebRequest> parsed(String line, LogFormat format) {
    try {
      return new ParseResult.Parsed<>(AccessLineScanner.scan(Rules.trimmedEnd(line), format).request());
    } catch (Rejection rejection) {
      return rejection.of(line);
    }
  }
}
