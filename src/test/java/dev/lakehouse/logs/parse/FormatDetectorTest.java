package dev.lakehouse.logs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatDetectorTest {
  private static final String COMMON = "10.0.0.1 - - [21/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 3";
  private static final String APP = "{\"ts\":\"2026-11-21T10:15:30Z\",\"message\":\"x\"}";

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "apache-common.log, APACHE_COMMON",
      "apache-combined.log, APACHE_COMBINED",
      "apache-vhost-combined.log, APACHE_COMBINED_VHOST",
      "apache-vhost-common.log, APACHE_COMMON_VHOST",
      "nginx.log, NGINX",
      "syslog-mixed.log, SYSLOG_3164",
      "syslog-5424.log, SYSLOG_5424",
      "app.jsonl, JSON_APP"})
  void eachSampleFileIsDetected(String file, LogFormat format) {
    assertThat(FormatDetector.detect(lines(file))).contains(format);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "apache-common.log", "apache-combined.log", "apache-vhost-combined.log", "apache-vhost-common.log", "nginx.log"})
  void everyLineOfAWebSampleParsesInTheDetectedFormat(String file) {
    LogFormat format = FormatDetector.detect(lines(file)).orElseThrow();
    for (String line : nonBlank(lines(file))) {
      assertThat(WebLogParser.parse(line, format).isParsed()).as(line).isTrue();
    }
  }

  @Test
  void everyLineOfTheOtherSamplesParses() {
    for (String line : nonBlank(lines("syslog-mixed.log"))) {
      assertThat(SyslogParser.parse(line, 2026).isParsed()).as(line).isTrue();
    }
    for (String line : nonBlank(lines("app.jsonl"))) {
      assertThat(AppLogParser.parse(line).isParsed()).as(line).isTrue();
    }
  }

  @Test
  void someGarbageLinesDoNotChangeTheVote() {
    List<String> sample = new ArrayList<>(lines("nginx.log"));
    sample.addAll(List.of("~~q8#x%&*kz0", "~~0a1b2c", "~~zz", "~~yy", "~~xx", "~~ww"));
    assertThat(FormatDetector.detect(sample)).contains(LogFormat.NGINX);
  }

  @Test
  void sampleWithNoReadableLineHasNoFormat() {
    assertThat(FormatDetector.detect(lines("not-logs.txt"))).isEmpty();
    assertThat(FormatDetector.detect(List.of())).isEmpty();
    assertThat(FormatDetector.detect(Collections.nCopies(5, " "))).isEmpty();
  }

  @Test
  void onlyTheFirstNonBlankLinesVote() {
    List<String> sample = new ArrayList<>(Collections.nCopies(FormatDetector.SAMPLE_LINES, COMMON));
    sample.addAll(Collections.nCopies(FormatDetector.SAMPLE_LINES + 1, APP));
    sample.add(0, "");
    assertThat(FormatDetector.detect(sample)).contains(LogFormat.APACHE_COMMON);
  }

  @Test
  void tiesGoToTheFormatDeclaredFirst() {
    assertThat(FormatDetector.detect(List.of(APP, COMMON))).contains(LogFormat.APACHE_COMMON);
    assertThat(FormatDetector.detect(List.of(APP, COMMON, APP))).contains(LogFormat.JSON_APP);
  }

  @Test
  void jsonWithoutTimestampStillVotesJson() {
    assertThat(FormatDetector.detect(List.of("{\"msg\":\"no time\"}"))).isEqualTo(Optional.of(LogFormat.JSON_APP));
    assertThat(FormatDetector.detect(List.of("{not json"))).isEmpty();
  }

  static List<String> lines(String file) {
    try (InputStream in = FormatDetectorTest.class.getResourceAsStream("/logs/" + file)) {
      assertThat(in).as("test resource logs/" + file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> nonBlank(List<String> lines) {
    return lines.stream().filter(line -> !line.isBlank()).toList();
  }
}
