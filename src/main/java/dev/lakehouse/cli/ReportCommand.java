package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.report.DailyPanels;
import dev.lakehouse.report.DailyReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"The day's report over every domain from the gold and ops tables: a self-contained report.html",
        "(charts drawn inline, no network needed) and report.json with the same figures, in",
        "LAKEHOUSE_HOME/reports/<date>/. Running a date again replaces its report."})
final class ReportCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "UTC date to report.")
  LocalDate date;

  @Option(names = "--out", paramLabel = "DIR", description = "Directory to write to (default: LAKEHOUSE_HOME/reports/<date>).")
  Path out;

  @Override
  public Integer call() {
    Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-report");
    write(lakehouse, date, out);
    return 0;
  }

  static DailyReport.Written write(Lakehouse lakehouse, LocalDate date, Path out) {
    Path directory = out != null ? out : Path.of(lakehouse.config().path("reports/" + date));
    DailyReport.Written written = new DailyReport(DailyPanels.of(lakehouse.spark(), date))
        .write(lakehouse.spark(), date, directory);
    long empty = written.results().stream().filter(r -> r.rows().isEmpty()).count();
    System.out.printf("Report for %s: %d panels (%d without data)%n", date, written.results().size(), empty);
    System.out.println("  " + written.html());
    System.out.println("  " + written.json());
    return written;
  }
}
