package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.commerce.stream.CommerceStreams;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.generate.DataGenerator;
import dev.lakehouse.generate.GeneratedRecord;
import dev.lakehouse.generate.GeneratorSettings;
import dev.lakehouse.kafka.RecordPublisher;
import dev.lakehouse.refine.RefineJob;
import dev.lakehouse.serve.ServeAccess;
import dev.lakehouse.serve.web.Dashboard;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * `demo --serve`: the dashboard over the demo's lakehouse, kept moving by a slow trickle of the next
 * day's generated events. Each round sends a few hundred records to Kafka and takes them through the
 * same steps as the demo, available-now (ingest, refine, the commerce, logs and finance streams, and the
 * day's commerce gold), so the live panels change at the end of every round. Rounds repeat until
 * Ctrl-C; a failed step is reported and the next round tries again.
 */
final class DemoTrickle {
  /** Records of the whole next day: a round of {@link #ROUND_RECORDS} moves event time about 5 minutes on. */
  static final long DAY_RECORDS = 100_000;
  static final int ROUND_RECORDS = 350;
  static final Duration PAUSE = Duration.ofSeconds(5);

  private DemoTrickle() {}

  /** Serves the dashboard and trickles until the process is stopped. */
  static void run(Lakehouse lakehouse, GeneratorSettings demoDay) throws IOException {
    LakehouseConfig config = lakehouse.config();
    Dashboard dashboard = new Dashboard(config.serve().httpPort());
    String url = dashboard.start(lakehouse, ServeAccess.of(config.serve().host(), System.getenv()));
    LocalDate day = demoDay.day().plusDays(1);
    Path logFile = Path.of(config.path("logs/demo-serve.log"));
    Files.createDirectories(logFile.getParent());
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping.set(true), "demo-serve-stop"));
    PrintStream out = System.out;
    out.printf("%nDashboard: %s (live; Ctrl-C to stop)%n", url);
    out.printf("Trickling %s's events through the pipeline, %d a round; each step's output goes to %s%n",
        day, ROUND_RECORDS, logFile);
    out.flush();
    GeneratorSettings next = new GeneratorSettings(demoDay.seed(), day, demoDay.malformedFraction(), demoDay.anomalies(),
        demoDay.fraudRate());
    Limited generator = new Limited(new DataGenerator(next, DAY_RECORDS));
    try (PrintStream log = new PrintStream(new FileOutputStream(logFile.toFile(), true), true, StandardCharsets.UTF_8);
         RecordPublisher publisher = new RecordPublisher(config.kafka().bootstrapServers(), config.kafka().topicPrefix())) {
      for (int round = 1; !stopping.get() && generator.source.hasNext(); round++) {
        long started = System.nanoTime();
        generator.allow(ROUND_RECORDS);
        long sent = publisher.publishAll(generator, ROUND_RECORDS, 0, log);
        String failed = pass(lakehouse, day, log);
        out.printf("  round %d: %,d events up to %s through the pipeline in %.0fs%s%n", round, sent,
            generator.lastEventAt().truncatedTo(ChronoUnit.MINUTES), (System.nanoTime() - started) / 1e9,
            failed.isEmpty() ? "" : "; failed: " + failed + " (see " + logFile + ")");
        out.flush();
        LockSupport.parkNanos(PAUSE.toNanos());
      }
    } finally {
      dashboard.close();
    }
  }

  /** One available-now pass of every step over what arrived; returns the steps that failed. */
  private static String pass(Lakehouse lakehouse, LocalDate day, PrintStream log) {
    StringBuilder failed = new StringBuilder();
    step("ingest", failed, log, () -> IngestCommand.run(lakehouse, lakehouse.config().ingest().topics(), true));
    step("refine", failed, log, () -> RefineCommand.run(lakehouse, RefineJob.targets(lakehouse.catalog()), true));
    step("commerce stream", failed, log, () -> CommerceStreamCommand.run(lakehouse, true, CommerceStreams.ORDERS));
    step("logs detect", failed, log, () -> LogsCommand.Detect.run(lakehouse, true));
    step("finance score", failed, log, () -> FinanceCommand.ScorePayments.run(lakehouse, true));
    step("commerce publish", failed, log, () -> CommerceCommand.Publish.publish(lakehouse, day));
    return failed.toString();
  }

  private interface Step {
    void run() throws Exception;
  }

  // the steps print as on the command line: into the log, not over the round lines
  private static void step(String name, StringBuilder failed, PrintStream log, Step step) {
    PrintStream console = System.out;
    System.setOut(log);
    try {
      log.printf("%s %s%n", Instant.now(), name);
      step.run();
    } catch (Exception e) {
      log.printf("%s failed: %s%n", name, e);
      failed.append(failed.length() == 0 ? "" : ", ").append(name).append(": ").append(e.getMessage());
    } finally {
      System.setOut(console);
    }
  }

  /** The generator's records, as many at a time as allowed; remembers the event time of the last. */
  private static final class Limited implements Iterator<GeneratedRecord> {
    private final DataGenerator source;
    private long allowed;
    private long lastMs;

    Limited(DataGenerator source) {
      this.source = source;
    }

    void allow(long records) {
      allowed = records;
    }

    Instant lastEventAt() {
      return Instant.ofEpochMilli(lastMs);
    }

    @Override
    public boolean hasNext() {
      return allowed > 0 && source.hasNext();
    }

    @Override
    public GeneratedRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException("Cannot send more than the round's records");
      }
      allowed--;
      GeneratedRecord record = source.next();
      lastMs = Math.max(lastMs, record.timestampMs());
      return record;
    }
  }
}
