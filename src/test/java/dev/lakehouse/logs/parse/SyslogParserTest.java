package dev.lakehouse.logs.parse;

import static dev.lakehouse.logs.parse.Results.parsedValue;
import static dev.lakehouse.logs.parse.Results.rejected;
import static dev.lakehouse.logs.parse.Results.ruleOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyslogParserTest {
  private static final int YEAR = 2003;

  @Test
  void rfc3164ExampleFromTheRfc() {
    String line = "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8";
    assertThat(parsedValue(SyslogParser.parse(line, YEAR))).isEqualTo(new SyslogEvent(
        Instant.parse("2003-10-11T22:14:15Z"), "mymachine", 4, 2, "crit", "su", null, null,
        "'su root' failed for lonvick on /dev/pts/8", LogFormat.SYSLOG_3164));
  }

  @Test
  void rfc3164TagWithPid() {
    String line = "<36>Nov 21 10:15:30 web-01 sshd[4321]: Failed password for root from 45.155.205.233 port 50122 ssh2";
    assertThat(parsedValue(SyslogParser.parse(line, 2026))).isEqualTo(new SyslogEvent(
        Instant.parse("2026-11-21T10:15:30Z"), "web-01", 4, 4, "warning", "sshd", 4321, null,
        "Failed password for root from 45.155.205.233 port 50122 ssh2", LogFormat.SYSLOG_3164));
  }

  @Test
  void rfc3164WithoutPriorityHasNoFacilityOrSeverity() {
    String line = "Oct 11 22:14:15 host prog: msg";
    assertThat(parsedValue(SyslogParser.parse(line, YEAR))).isEqualTo(new SyslogEvent(
        Instant.parse("2003-10-11T22:14:15Z"), "host", null, null, null, "prog", null, null, "msg", LogFormat.SYSLOG_3164));
  }

  @Test
  void rfc3164SingleDigitDayPaddedWithASpaceOrNot() {
    Instant expected = Instant.parse("2003-10-01T02:03:04Z");
    assertThat(parsedValue(SyslogParser.parse("<13>Oct  1 02:03:04 host prog: x", YEAR)).loggedAt()).isEqualTo(expected);
    assertThat(parsedValue(SyslogParser.parse("<13>Oct 1 02:03:04 host prog: x", YEAR)).loggedAt()).isEqualTo(expected);
  }

  @Test
  void rfc3164KernelLineHasNoPid() {
    String line = "<4>Nov 21 10:15:30 web-01 kernel: [123456.654321] TCP: request_sock_TCP: Possible SYN flooding on port 443.";
    SyslogEvent event = parsedValue(SyslogParser.parse(line, 2026));
    assertThat(event.program()).isEqualTo("kernel");
    assertThat(event.pid()).isNull();
    assertThat(event.facility()).isZero();
    assertThat(event.message()).isEqualTo("[123456.654321] TCP: request_sock_TCP: Possible SYN flooding on port 443.");
  }

  @Test
  void rfc3164WithoutHostNameOrWithoutTag() {
    SyslogEvent noHost = parsedValue(SyslogParser.parse("<34>Oct 11 22:14:15 su: 'su root' failed", YEAR));
    SyslogEvent noTag = parsedValue(SyslogParser.parse("<34>Oct 11 22:14:15 mymachine just some text", YEAR));
    SyslogEvent slashedTag = parsedValue(SyslogParser.parse("Oct 11 22:14:15 mx postfix/smtpd[77]: connect", YEAR));
    assertThat(noHost.host()).isNull();
    assertThat(noHost.program()).isEqualTo("su");
    assertThat(noTag.program()).isNull();
    assertThat(noTag.message()).isEqualTo("just some text");
    assertThat(slashedTag.program()).isEqualTo("postfix/smtpd");
    assertThat(slashedTag.pid()).isEqualTo(77);
  }

  @Test
  void rfc3164WithAnRfc3339TimestampAsRsyslogWritesFiles() {
    String line = "2026-11-21T11:15:30.123456+01:00 web-01 systemd[1]: Started Session 4242 of User deploy.";
    SyslogEvent event = parsedValue(SyslogParser.parse(line, YEAR));
    assertThat(event.loggedAt()).isEqualTo(Instant.parse("2026-11-21T10:15:30.123456Z"));
    assertThat(event.program()).isEqualTo("systemd");
    assertThat(event.format()).isEqualTo(LogFormat.SYSLOG_3164);
  }

  @Test
  void rfc5424ExampleWithStructuredDataAndByteOrderMark() {
    String line = "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" "
        + "eventSource=\"Application\" eventID=\"1011\"] \uFEFFAn application event log entry...";
    assertThat(parsedValue(SyslogParser.parse(line, YEAR))).isEqualTo(new SyslogEvent(
        Instant.parse("2003-10-11T22:14:15.003Z"), "mymachine.example.com", 20, 5, "notice", "evntslog", null, "ID47",
        "An application event log entry...", LogFormat.SYSLOG_5424));
  }

  @Test
  void rfc5424NilValuesBecomeNull() {
    String line = "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - 'su root' failed for lonvick on /dev/pts/8";
    assertThat(parsedValue(SyslogParser.parse(line, 1999))).isEqualTo(new SyslogEvent(
        Instant.parse("2003-10-11T22:14:15.003Z"), "mymachine.example.com", 4, 2, "crit", "su", null, "ID47",
        "'su root' failed for lonvick on /dev/pts/8", LogFormat.SYSLOG_5424));
    SyslogEvent allNil = parsedValue(SyslogParser.parse("<14>1 - - - - - -", YEAR));
    assertThat(allNil).isEqualTo(new SyslogEvent(null, null, 1, 6, "info", null, null, null, null, LogFormat.SYSLOG_5424));
  }

  @Test
  void rfc5424OffsetIsConvertedToUtc() {
    String line = "<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.";
    assertThat(parsedValue(SyslogParser.parse(line, YEAR))).isEqualTo(new SyslogEvent(
        Instant.parse("2003-08-24T12:14:15.000003Z"), "192.0.2.1", 20, 5, "notice", "myproc", 8710, null,
        "%% It's time to make the do-nuts.", LogFormat.SYSLOG_5424));
    assertThat(parsedValue(SyslogParser.parse("<165>1 2026-11-21T12:15:30+02:00 h a - - - x", YEAR)).loggedAt())
        .isEqualTo(Instant.parse("2026-11-21T10:15:30Z"));
  }

  @Test
  void rfc5424StructuredDataIsSkippedWhateverItHolds() {
    String onlyData = "<165>1 2003-10-11T22:14:15.003Z host evntslog - ID47 [exampleSDID@32473 iut=\"3\"]"
        + "[examplePriority@32473 class=\"high\"]";
    String escapes = "<165>1 2003-10-11T22:14:15.003Z host app 12 - [x@1 a=\"q\\\"] [\\]\" b=\"\"] after";
    assertThat(parsedValue(SyslogParser.parse(onlyData, YEAR)).message()).isNull();
    assertThat(parsedValue(SyslogParser.parse(escapes, YEAR)).message()).isEqualTo("after");
  }

  @Test
  void generatorShapedRfc5424Line() {
    String line = "<187>1 2026-11-21T10:15:30.123Z web-02 nginx 2211 ERROR - [error] 2211#2211: *1 upstream timed out";
    assertThat(parsedValue(SyslogParser.parse(line, 2026))).isEqualTo(new SyslogEvent(
        Instant.parse("2026-11-21T10:15:30.123Z"), "web-02", 23, 3, "err", "nginx", 2211, "ERROR",
        "[error] 2211#2211: *1 upstream timed out", LogFormat.SYSLOG_5424));
  }

  @Test
  void badPrioritiesAndShapesAreInNoFormat() {
    assertThat(ruleOf(SyslogParser.parse("<999>Oct 11 22:14:15 host prog: x", YEAR))).isEqualTo("parse.no_format");
    assertThat(ruleOf(SyslogParser.parse("<ab>Oct 11 22:14:15 host prog: x", YEAR))).isEqualTo("parse.no_format");
    assertThat(ruleOf(SyslogParser.parse("<34>Foo 11 22:14:15 host prog: x", YEAR))).isEqualTo("parse.no_format");
    assertThat(ruleOf(SyslogParser.parse("<34>2 2003-10-11T22:14:15Z h a - - - x", YEAR))).isEqualTo("parse.no_format");
    assertThat(ruleOf(SyslogParser.parse("<34>1 2003-10-11T22:14:15Z h a - - x", YEAR))).isEqualTo("parse.no_format");
    assertThat(ruleOf(SyslogParser.parse("127.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 3", YEAR)))
        .isEqualTo("parse.no_format");
    assertThat(ruleOf(SyslogParser.parse("~~q8#x%&*kz0", YEAR))).isEqualTo("parse.no_format");
    assertThat(rejected(SyslogParser.parse("<999>Oct 11 22:14:15 host prog: x", YEAR)).reason())
        .isEqualTo("Invalid priority '<999>': expected <0> to <191> in line '<999>Oct 11 22:14:15 host prog: x'");
  }

  @Test
  void impossibleTimesAreBadTimestamps() {
    assertThat(ruleOf(SyslogParser.parse("<34>Oct 32 22:14:15 host prog: x", YEAR))).isEqualTo("parse.bad_timestamp");
    assertThat(rejected(SyslogParser.parse("<34>Oct 32 22:14:15 host prog: x", YEAR)).reason())
        .startsWith("Invalid timestamp 'Oct 32 22:14:15': Invalid value for DayOfMonth");
    assertThat(rejected(SyslogParser.parse("<34>Oct 11 22:14 host prog: x", YEAR)).reason())
        .startsWith("Invalid timestamp 'Oct 11 22:14 ho': expected Mon dd HH:mm:ss in line");
    assertThat(ruleOf(SyslogParser.parse("<34>Feb 29 22:14:15 host prog: x", 2025))).isEqualTo("parse.bad_timestamp");
    assertThat(parsedValue(SyslogParser.parse("<34>Feb 29 22:14:15 host prog: x", 2024)).loggedAt())
        .isEqualTo(Instant.parse("2024-02-29T22:14:15Z"));
    assertThat(ruleOf(SyslogParser.parse("<34>1 2003-13-11T22:14:15Z h a - - - x", YEAR))).isEqualTo("parse.bad_timestamp");
    assertThat(ruleOf(SyslogParser.parse("<34>1 2003-10-11T22:14:15+25:00 h a - - - x", YEAR))).isEqualTo("parse.bad_timestamp");
  }

  @Test
  void emptyLinesAreRejectedAsEmpty() {
    assertThat(ruleOf(SyslogParser.parse("", YEAR))).isEqualTo("parse.empty");
    assertThat(rejected(SyslogParser.parse("\n", YEAR)).reason()).isEqualTo("Invalid line: it is empty or blank");
  }
}
