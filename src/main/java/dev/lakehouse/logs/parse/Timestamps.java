package dev.lakehouse.logs.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The timestamp formats of the logs we read, parsed by hand (about ten times faster than a
 * {@code DateTimeFormatter}) and converted to UTC instants. Each rejects with
 * {@code parse.bad_timestamp} and names the text and the format it expected.
 */
final class Timestamps {
  private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
  private static final String APACHE = "dd/Mon/yyyy:HH:mm:ss +hhmm";
  private static final String BSD = "Mon dd HH:mm:ss";
  private static final String ISO = "yyyy-MM-ddTHH:mm:ss[.fraction][Z|+hh:mm]";
  private static final int SECONDS_PER_DAY = 86_400;
  // 1973-03-03: smaller numbers are no epoch timestamps of logs
  private static final long MIN_EPOCH_SECONDS = 100_000_000L;
  private static final long MIN_EPOCH_MILLIS = MIN_EPOCH_SECONDS * 1000;
  private static final long MIN_EPOCH_MICROS = MIN_EPOCH_MILLIS * 1000;
  private static final long MIN_EPOCH_NANOS = MIN_EPOCH_MICROS * 1000;
  private static final int[] NANOS_SCALE = {
      1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

  private Timestamps() {}

  /** Apache's and nginx's {@code %t} / {@code $time_local} without the brackets: {@code 10/Oct/2000:13:55:36 -0700}. */
  static Instant apache(String text) {
    boolean isShaped = text.length() == APACHE.length() && text.charAt(2) == '/' && text.charAt(6) == '/'
        && text.charAt(11) == ':' && text.charAt(14) == ':' && text.charAt(17) == ':' && text.charAt(20) == ' ';
    if (!isShaped) {
      throw invalid(text, APACHE);
    }
    long local = epochSecond(text, digits(text, 7, 4, APACHE), month(text, 3, APACHE), digits(text, 0, 2, APACHE),
        clock(text, 12, APACHE));
    return Instant.ofEpochSecond(local - offsetSeconds(text, 21, 24, APACHE));
  }

  /**
   * The RFC 3164 timestamp {@code Oct 11 22:14:15} (day padded with a space or not) read at the cursor,
   * in the given year and taken as UTC, since the format has neither.
   */
  static Instant bsd(Cursor cursor, int year) {
    String line = cursor.line();
    int start = cursor.position();
    int dayEnd = bsdDayEnd(line, start + 4) - start;
    String text = line.substring(start, Math.min(start + dayEnd + 9, line.length()));
    boolean isShaped = text.length() == dayEnd + 9 && text.charAt(3) == ' ' && text.charAt(dayEnd) == ' '
        && text.charAt(dayEnd + 3) == ':' && text.charAt(dayEnd + 6) == ':';
    if (!isShaped) {
      throw invalid(text, BSD);
    }
    int day = text.charAt(4) == ' ' ? digits(text, 5, 1, BSD) : digits(text, 4, dayEnd - 4, BSD);
    cursor.moveTo(start + text.length());
    return Instant.ofEpochSecond(epochSecond(text, year, month(text, 0, BSD), day, clock(text, dayEnd + 1, BSD)));
  }

  /** Whether the text at {@code at} starts with a month abbreviation and a space, as an RFC 3164 timestamp does. */
  static boolean isBsdAt(String line, int at) {
    return line.length() > at + 3 && line.charAt(at + 3) == ' ' && monthIndex(line, at) > 0;
  }

  /**
   * ISO-8601 / RFC 3339: {@code 2003-10-11T22:14:15.003Z}, {@code 2003-08-24T05:14:15.000003-07:00}; also a
   * space for the {@code T}, a comma before the fraction, an offset without a colon, and no offset at all
   * (taken as UTC).
   */
  static Instant iso(String text) {
    boolean isShaped = text.length() >= 19 && text.charAt(4) == '-' && text.charAt(7) == '-'
        && (text.charAt(10) == 'T' || text.charAt(10) == 't' || text.charAt(10) == ' ')
        && text.charAt(13) == ':' && text.charAt(16) == ':';
    if (!isShaped) {
      throw invalid(text, ISO);
    }
    int fractionEnd = fractionEnd(text, 19);
    long local = epochSecond(text, digits(text, 0, 4, ISO), digits(text, 5, 2, ISO), digits(text, 8, 2, ISO),
        clock(text, 11, ISO));
    return Instant.ofEpochSecond(local - isoOffsetSeconds(text, fractionEnd), nanos(text, 20, fractionEnd));
  }

  /** Epoch seconds, milliseconds, microseconds or nanoseconds, told apart by magnitude (after 1973). */
  static Instant epoch(long value) {
    if (value < MIN_EPOCH_SECONDS) {
      throw invalidEpoch(Long.toString(value));
    }
    if (value < MIN_EPOCH_MILLIS) {
      return Instant.ofEpochSecond(value);
    }
    if (value < MIN_EPOCH_MICROS) {
      return Instant.ofEpochMilli(value);
    }
    long perSecond = value < MIN_EPOCH_NANOS ? 1_000_000 : 1_000_000_000;
    long nanosPerUnit = 1_000_000_000 / perSecond;
    return Instant.ofEpochSecond(Math.floorDiv(value, perSecond), Math.floorMod(value, perSecond) * nanosPerUnit);
  }

  /** The same with a fraction, e.g. Python's {@code time.time()}; kept to the microsecond. */
  static Instant epoch(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 9e18) {
      return epoch((long) value);
    }
    if (!(value >= MIN_EPOCH_SECONDS && value < 9e18)) {
      throw invalidEpoch(Double.toString(value));
    }
    double microsPerUnit = value < MIN_EPOCH_MILLIS ? 1e6 : value < MIN_EPOCH_MICROS ? 1e3 : 1;
    long micros = Math.round(value < MIN_EPOCH_NANOS ? value * microsPerUnit : value / 1e3);
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
  }

  // "Oct  1", "Oct 1" and "Oct 11" all end the day before a space
  private static int bsdDayEnd(String line, int day) {
    if (line.length() > day + 2 && line.charAt(day) == ' ') {
      return day + 2;
    }
    return line.length() > day + 1 && line.charAt(day + 1) == ' ' ? day + 1 : day + 2;
  }

  private static int clock(String text, int at, String format) {
    int hours = digits(text, at, 2, format);
    int minutes = digits(text, at + 3, 2, format);
    int seconds = digits(text, at + 6, 2, format);
    if (hours > 23 || minutes > 59 || seconds > 60) {
      throw invalid(text, format);
    }
    return hours * 3600 + minutes * 60 + seconds;
  }

  private static long epochSecond(String text, int year, int month, int day, int secondOfDay) {
    try {
      return LocalDate.of(year, month, day).toEpochDay() * SECONDS_PER_DAY + secondOfDay;
    } catch (DateTimeException e) {
      throw new Rejection(Rules.BAD_TIMESTAMP, "Invalid timestamp '" + text + "': " + e.getMessage());
    }
  }

  // +hhmm, or +hh:mm when colonAt is the index of the colon, or +hh when minutesAt is past the end
  private static int offsetSeconds(String text, int at, int minutesAt, String format) {
    char sign = text.charAt(at);
    if (sign != '+' && sign != '-') {
      throw invalid(text, format);
    }
    int minutes = minutesAt < text.length() ? digits(text, minutesAt, 2, format) : 0;
    int seconds = digits(text, at + 1, 2, format) * 3600 + minutes * 60;
    if (seconds > 18 * 3600 || minutes > 59) {
      throw invalid(text, format);
    }
    return sign == '-' ? -seconds : seconds;
  }

  // after the seconds and fraction: nothing (UTC), Z, +hh:mm, +hhmm or +hh
  private static int isoOffsetSeconds(String text, int at) {
    int left = text.length() - at;
    if (left == 0 || (left == 1 && (text.charAt(at) == 'Z' || text.charAt(at) == 'z'))) {
      return 0;
    }
    if (left == 6 && text.charAt(at + 3) == ':') {
      return offsetSeconds(text, at, at + 4, ISO);
    }
    if (left == 5 || left == 3) {
      return offsetSeconds(text, at, at + 3, ISO);
    }
    throw invalid(text, ISO);
  }

  private static int fractionEnd(String text, int at) {
    if (at >= text.length() || (text.charAt(at) != '.' && text.charAt(at) != ',')) {
      return at;
    }
    int end = at + 1;
    while (end < text.length() && Cursor.isDigit(text.charAt(end))) {
      end++;
    }
    if (end == at + 1 || end - at - 1 > 9) {
      throw invalid(text, ISO);
    }
    return end;
  }

  private static int nanos(String text, int from, int end) {
    return end <= from ? 0 : digits(text, from, end - from, ISO) * NANOS_SCALE[end - from];
  }

  private static int month(String text, int at, String format) {
    int month = monthIndex(text, at);
    if (month == 0) {
      throw new Rejection(Rules.BAD_TIMESTAMP, "Invalid month '" + text.substring(at, Math.min(at + 3, text.length()))
          + "' in timestamp '" + text + "': expected " + format + " with an English month abbreviation");
    }
    return month;
  }

  // 1 to 12, or 0 when the three letters at "at" are no English month abbreviation (any case)
  private static int monthIndex(String text, int at) {
    if (text.length() < at + 3) {
      return 0;
    }
    char first = lowerCase(text.charAt(at));
    char second = lowerCase(text.charAt(at + 1));
    char third = lowerCase(text.charAt(at + 2));
    for (int month = 0; month < 12; month++) {
      int i = month * 3;
      if (MONTHS.charAt(i) == first && MONTHS.charAt(i + 1) == second && MONTHS.charAt(i + 2) == third) {
        return month + 1;
      }
    }
    return 0;
  }

  private static char lowerCase(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static int digits(String text, int at, int count, String format) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = i < text.length() ? text.charAt(i) : 'x';
      if (!Cursor.isDigit(c)) {
        throw invalid(text, format);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static Rejection invalidEpoch(String value) {
    return new Rejection(Rules.BAD_TIMESTAMP, "Invalid epoch timestamp " + value
        + ": expected seconds, milliseconds, microseconds or nanoseconds since 1970, after 1973");
  }

  private static Rejection invalid(String text, String format) {
    return new Rejection(Rules.BAD_TIMESTAMP, "Invalid timestamp '" + text + "': expected " + format);
  }
}
