package dev.lakehouse.logs.parse;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Guesses the format of a file from a sample of its lines, for {@code --format auto}: each of the first
 * {@value #SAMPLE_LINES} non-blank lines votes for the one format it parses in (web lines for the most
 * specific web format, e.g. nginx when a {@code $request_time} follows the user agent), and the format
 * with the most votes wins; ties go to the format declared first in {@link LogFormat}. Lines in no format
 * do not vote, so a file with some garbage still gets its format; a sample with no readable line gets none.
 *
 * <p>Syslog files are voted {@code syslog-3164} or {@code syslog-5424} by their majority, but
 * {@link SyslogParser} reads both kinds whichever wins.
 */
public final class FormatDetector {
  /** How many non-blank lines vote. */
  public static final int SAMPLE_LINES = 200;
  // any year reads a BSD timestamp; Feb 29 needs a leap year
  private static final int LEAP_YEAR = 2024;

  private FormatDetector() {}

  /** The format most of the first non-blank lines are in; empty when none is in any. */
  public static Optional<LogFormat> detect(List<String> sampleLines) {
    Map<LogFormat, Integer> votes = new EnumMap<>(LogFormat.class);
    sampleLines.stream()
        .filter(line -> line != null && !line.isBlank())
        .limit(SAMPLE_LINES)
        .forEach(line -> formatOf(line).ifPresent(format -> votes.merge(format, 1, Integer::sum)));
    return votes.entrySet().stream()
        .reduce((best, next) -> next.getValue() > best.getValue() ? next : best)
        .map(Map.Entry::getKey);
  }

  /** The one format a line is in, if any. */
  static Optional<LogFormat> formatOf(String line) {
    if (line.stripLeading().startsWith("{")) {
      return isAppEvent(line) ? Optional.of(LogFormat.JSON_APP) : Optional.empty();
    }
    Optional<LogFormat> web = WebLogParser.formatOf(line);
    return web.isPresent() ? web : syslogFormatOf(line);
  }

  // a JSON object with a timestamp; one without still counts, as only a JSON logger writes it
  private static boolean isAppEvent(String line) {
    ParseResult<AppEvent> result = AppLogParser.parse(line);
    return result.isParsed() || !((ParseResult.Rejected<AppEvent>) result).ruleId().equals(Rules.JSON);
  }

  private static Optional<LogFormat> syslogFormatOf(String line) {
    ParseResult<SyslogEvent> result = SyslogParser.parse(line, LEAP_YEAR);
    if (result instanceof ParseResult.Parsed<SyslogEvent> parsed) {
      return Optional.of(parsed.value().format());
    }
    return Optional.empty();
  }
}
