package dev.lakehouse.logs.parse;

/**
 * Parses syslog lines, telling RFC 3164 (BSD) and RFC 5424 apart line by line, so one file or topic may
 * mix them.
 *
 * <p>RFC 3164 as found in the wild: the {@code <PRI>} may be missing (lines from files; facility and
 * severity are then null), the day may be padded with a space ({@code Oct  1}), the host name may be
 * missing (a first word ending in {@code :} is the tag), the tag may have a pid ({@code sshd[4321]:}) or
 * be missing (no word ending in {@code :} before the text), and the timestamp may be RFC 3339
 * ({@code 2026-11-21T10:15:30.123+01:00 host prog: text}). BSD timestamps have no year and no zone: they
 * are taken in the year the caller gives, as UTC.
 *
 * <p>RFC 5424: nil values ({@code -}) become null, the timestamp's offset is applied, structured data is
 * skipped (it is not in {@link SyslogEvent#message()}), and a byte order mark before the message removed.
 *
 * <p>Stateless: call it from any thread, any Spark task.
 */
public final class SyslogParser {
  private SyslogParser() {}

  /**
   * @param defaultYear the year of RFC 3164 timestamps, which have none (e.g. the year of the file's or the
   *     Kafka record's date)
   */
  public static ParseResult<SyslogEvent> parse(String line, int defaultYear) {
    try {
      return new ParseResult.Parsed<>(SyslogScanner.scan(Rules.trimmedEnd(line), defaultYear));
    } catch (Rejection rejection) {
      return rejection.of(line);
    }
  }
}
