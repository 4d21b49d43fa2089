package dev.lakehouse.generate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/** Formats instants of one UTC day the way each source writes them, without allocating formatters. */
final class TimeFormats {
  private final long dayStartMs;
  private final String isoDate;
  private final String apacheDate;
  private final String bsdDate;

  TimeFormats(LocalDate day) {
    this.dayStartMs = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    String month = day.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    this.isoDate = day.toString() + 'T';
    this.apacheDate = twoDigits(day.getDayOfMonth()) + '/' + month + '/' + day.getYear() + ':';
    this.bsdDate = month + (day.getDayOfMonth() < 10 ? "  " : " ") + day.getDayOfMonth() + ' ';
  }

  long dayStartMs() {
    return dayStartMs;
  }

  /** {@code 2026-11-21T10:15:30.123Z} */
  void appendIso(StringBuilder out, long epochMs) {
    out.append(isoDate);
    appendClock(out, epochMs);
    out.append('.');
    int millis = (int) (msOfDay(epochMs) % 1000);
    out.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
    out.append('Z');
  }

  /** {@code 21/Nov/2026:10:15:30 +0000}, as in Apache's %t without the brackets. */
  void appendApache(StringBuilder out, long epochMs) {
    out.append(apacheDate);
    appendClock(out, epochMs);
    out.append(" +0000");
  }

  /** {@code Nov 21 10:15:30}, the RFC 3164 timestamp (day of month padded with a space). */
  void appendBsd(StringBuilder out, long epochMs) {
    out.append(bsdDate);
    appendClock(out, epochMs);
  }

  /** Hour of the day in [0, 24) with fractions, for time-of-day habits. */
  double hourOfDay(long epochMs) {
    return msOfDay(epochMs) / (double) Diurnal.HOUR_MS;
  }

  private void appendClock(StringBuilder out, long epochMs) {
    long seconds = msOfDay(epochMs) / 1000;
    out.append(twoDigits((int) (seconds / 3600))).append(':')
        .append(twoDigits((int) (seconds / 60 % 60))).append(':')
        .append(twoDigits((int) (seconds % 60)));
  }

  private long msOfDay(long epochMs) {
    return Math.min(Math.max(epochMs - dayStartMs, 0), Diurnal.DAY_MS - 1);
  }

  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }
}
