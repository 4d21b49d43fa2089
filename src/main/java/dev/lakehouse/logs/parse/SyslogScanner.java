package dev.lakehouse.logs.parse;

import java.time.Instant;

/**
 * Reads one syslog line in a single pass. After an optional {@code <PRI>}, a version number and a space
 * mean RFC 5424; anything else is read as RFC 3164, whose timestamp may also be an RFC 3339 one (as
 * rsyslog's default file format writes it).
 */
final class SyslogScanner {
  private static final String[] SEVERITY_NAMES = {
      "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"};
  private static final int MAX_PRIORITY = 191;
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Cursor cursor;
  private final Integer priority;

  private SyslogScanner(Cursor cursor, Integer priority) {
    this.cursor = cursor;
    this.priority = priority;
  }

  /**
   * @param line a line without trailing white space
   * @param year the year of RFC 3164 timestamps, which have none
   */
  static SyslogEvent scan(String line, int year) {
    Cursor cursor = new Cursor(line);
    SyslogScanner scanner = new SyslogScanner(cursor, priority(cursor));
    return scanner.priority != null && scanner.isVersionNext() ? scanner.rfc5424() : scanner.rfc3164(year);
  }

  // <165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3"] message
  private SyslogEvent rfc5424() {
    String version = field("version");
    if (!version.equals("1")) {
      throw Rejection.noFormat("Invalid RFC 5424 version '" + version + "': expected 1");
    }
    Instant loggedAt = nilOrInstant(field("timestamp"));
    String host = orNull(field("host name"));
    String program = orNull(field("app name"));
    String processId = orNull(field("process id"));
    String messageId = orNull(cursor.token());
    skipStructuredData();
    String message = cursor.atEnd() ? null : messageAfterSpace();
    return event(loggedAt, host, program, pid(processId), messageId, message, LogFormat.SYSLOG_5424);
  }

  // <34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8
  private SyslogEvent rfc3164(int year) {
    Instant loggedAt = bsdOrIsoTimestamp(year);
    cursor.expect(' ', "after the timestamp");
    skipSpaces();
    int hostStart = cursor.position();
    String first = cursor.token();
    boolean hasHost = !first.endsWith(":");
    if (hasHost) {
      skipSpaces();
    } else {
      cursor.moveTo(hostStart);
    }
    return tagAndMessage(loggedAt, hasHost ? first : null);
  }

  // "sshd[4321]: text" or "su: text"; a word without a colon is no tag but the start of the message
  private SyslogEvent tagAndMessage(Instant loggedAt, String host) {
    int tagStart = cursor.position();
    String tag = cursor.token();
    if (!tag.endsWith(":")) {
      cursor.moveTo(tagStart);
      return event(loggedAt, host, null, null, null, cursor.rest(), LogFormat.SYSLOG_3164);
    }
    String message = cursor.atEnd() ? "" : messageAfterSpace();
    int pidStart = tag.indexOf('[');
    boolean hasPid = pidStart >= 0 && tag.endsWith("]:");
    String program = hasPid ? tag.substring(0, pidStart) : tag.substring(0, tag.length() - 1);
    Integer pid = hasPid ? pid(tag.substring(pidStart + 1, tag.length() - 2)) : null;
    return event(loggedAt, host, program.isEmpty() ? null : program, pid, null, message, LogFormat.SYSLOG_3164);
  }

  private Instant bsdOrIsoTimestamp(int year) {
    String line = cursor.line();
    if (Timestamps.isBsdAt(line, cursor.position())) {
      return Timestamps.bsd(cursor, year);
    }
    int at = cursor.position();
    boolean isIsoLike = line.length() > at + 10 && Cursor.isDigit(line.charAt(at)) && line.charAt(at + 4) == '-';
    if (!isIsoLike) {
      throw Rejection.noFormat("Invalid syslog line: expected '<priority>' or a timestamp like 'Oct 11 22:14:15' "
          + "or '2003-10-11T22:14:15Z' at its start");
    }
    return Timestamps.iso(cursor.token());
  }

  private SyslogEvent event(Instant loggedAt, String host, String program, Integer pid, String messageId,
      String message, LogFormat format) {
    Integer facility = priority == null ? null : priority / 8;
    Integer severity = priority == null ? null : priority % 8;
    String severityName = severity == null ? null : SEVERITY_NAMES[severity];
    return new SyslogEvent(loggedAt, host, facility, severity, severityName, program, pid, messageId, message, format);
  }

  // a token and the space after it
  private String field(String what) {
    String text = cursor.token();
    cursor.expect(' ', "after the " + what);
    return text;
  }

  // "-", or one or more [id name="value" ...] elements; values may hold \" \] and \\ escapes
  private void skipStructuredData() {
    cursor.expect(' ', "after the message id");
    if (cursor.skip('-')) {
      return;
    }
    if (!cursor.isAt('[')) {
      throw Rejection.noFormat("Invalid structured data: expected '-' or '[' after the message id");
    }
    while (cursor.isAt('[')) {
      cursor.moveTo(elementEnd() + 1);
    }
  }

  private int elementEnd() {
    String line = cursor.line();
    boolean isInValue = false;
    for (int i = cursor.position() + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        isInValue = !isInValue;
      } else if (c == ']' && !isInValue) {
        return i;
      }
    }
    throw Rejection.noFormat("Invalid structured data: an element opened at column " + (cursor.position() + 1)
        + " has no closing ']'");
  }

  private String messageAfterSpace() {
    cursor.expect(' ', "before the message");
    String message = cursor.rest();
    return !message.isEmpty() && message.charAt(0) == BYTE_ORDER_MARK ? message.substring(1) : message;
  }

  private boolean isVersionNext() {
    String line = cursor.line();
    int at = cursor.position();
    int end = at;
    while (end < line.length() && end - at < 3 && Cursor.isDigit(line.charAt(end))) {
      end++;
    }
    return end > at && end < line.length() && line.charAt(end) == ' ';
  }

  private void skipSpaces() {
    while (cursor.skip(' ')) {
      // several spaces separate fields in some lines
    }
  }

  // <0> to <191>, or null when the line does not start with '<'
  private static Integer priority(Cursor cursor) {
    if (!cursor.skip('<')) {
      return null;
    }
    String text = cursor.until('>', "priority");
    boolean isNumber = !text.isEmpty() && text.length() <= 3 && text.chars().allMatch(c -> Cursor.isDigit((char) c));
    if (!isNumber || Integer.parseInt(text) > MAX_PRIORITY) {
      throw Rejection.noFormat("Invalid priority '<" + text + ">': expected <0> to <" + MAX_PRIORITY + ">");
    }
    return Integer.parseInt(text);
  }

  private static Instant nilOrInstant(String text) {
    return text.equals("-") ? null : Timestamps.iso(text);
  }

  private static Integer pid(String text) {
    boolean isNumber = text != null && !text.isEmpty() && text.length() <= 9
        && text.chars().allMatch(c -> Cursor.isDigit((char) c));
    return isNumber ? Integer.valueOf(text) : null;
  }

  private static String orNull(String field) {
    return field.equals("-") || field.isEmpty() ? null : field;
  }
}
