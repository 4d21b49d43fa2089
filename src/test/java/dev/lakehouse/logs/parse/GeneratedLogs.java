package dev.lakehouse.logs.parse;

import dev.lakehouse.generate.Anomaly;
import dev.lakehouse.generate.DataGenerator;
import dev.lakehouse.generate.GeneratedRecord;
import dev.lakehouse.generate.GeneratorSettings;
import dev.lakehouse.generate.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Days of generated records, made once per test JVM and shared by the tests of this package. */
final class GeneratedLogs {
  static final LocalDate DAY = LocalDate.of(2026, 11, 21);
  static final int RECORDS = 20_000;
  private static final Map<GeneratorSettings, List<GeneratedRecord>> DAYS = new ConcurrentHashMap<>();

  private GeneratedLogs() {}

  /** 20,000 records of seed 7, nothing malformed, no anomalies. */
  static List<GeneratedRecord> clean() {
    return day(new GeneratorSettings(7, DAY, 0.0, Set.of()));
  }

  /** The same with 5% of the records malformed; record i is the same as in {@link #clean()} or its replacement. */
  static List<GeneratedRecord> dirty() {
    return day(new GeneratorSettings(7, DAY, 0.05, Set.of()));
  }

  /** 20,000 records with every anomaly: a scanning IP, an error burst ... */
  static List<GeneratedRecord> withAnomalies() {
    return day(new GeneratorSettings(7, DAY, 0.0, Set.of(Anomaly.values())));
  }

  /**
   * The log lines of a day of seed 11 by topic, up to the first {@code accessLines} access lines (a quarter
   * of all records, so about four times as many records are generated: some seconds per 200,000).
   */
  static Map<String, List<String>> logLines(int accessLines) {
    Map<String, List<String>> lines = new TreeMap<>();
    DataGenerator generator = new DataGenerator(new GeneratorSettings(11, DAY, 0.0, Set.of()), accessLines * 5L);
    while (generator.hasNext() && lines.getOrDefault(Topics.LOGS_ACCESS, List.of()).size() < accessLines) {
      GeneratedRecord record = generator.next();
      if (record.topic().startsWith("logs.")) {
        lines.computeIfAbsent(record.topic(), topic -> new ArrayList<>()).add(text(record));
      }
    }
    return lines;
  }

  static List<GeneratedRecord> of(List<GeneratedRecord> records, String topic) {
    return records.stream().filter(record -> record.topic().equals(topic)).toList();
  }

  static String text(GeneratedRecord record) {
    return new String(record.value(), StandardCharsets.UTF_8);
  }

  /** Whether the value decodes as UTF-8; a job rejects those that do not (decode.utf8) before any parser sees them. */
  static boolean isUtf8(byte[] value) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static List<GeneratedRecord> day(GeneratorSettings settings) {
    return DAYS.computeIfAbsent(settings, s -> {
      List<GeneratedRecord> records = new ArrayList<>(RECORDS);
      new DataGenerator(s, RECORDS).forEachRemaining(records::add);
      return List.copyOf(records);
    });
  }
}
