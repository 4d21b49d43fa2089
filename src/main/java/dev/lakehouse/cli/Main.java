package dev.lakehouse.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The lakehouse command line. The only place that exits the JVM. */
@Command(
    name = "lakehouse",
    mixinStandardHelpOptions = true,
    version = "lakehouse 0.1.0",
    description = "A streaming lakehouse on Delta Lake: Kafka -> bronze -> silver -> gold.",
    subcommands = {
      DemoCommand.class,
      KafkaCommand.class,
      GenerateCommand.class,
      LoadCommand.class,
      IngestCommand.class,
      RefineCommand.class,
      TablesCommand.class,
      SqlCommand.class,
      QualityCommand.class,
      QuarantineCommand.class,
      LogsCommand.class,
      FinanceCommand.class,
      CommerceCommand.class,
      RiskCommand.class,
      ModelsCommand.class,
      ReportCommand.class,
      MaintainCommand.class,
      StatusCommand.class,
      AlertsCommand.class,
      RecommendCommand.class,
      ConfigCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    int exit = execute(args);
    dev.lakehouse.monitor.StreamMonitor.closeAllNow();
    System.exit(exit);
  }

  /** Runs a command line and returns its exit code: 0 success, 1 failure, 2 bad usage. */
  public static int execute(String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
      PrintWriter err = cmd.getErr();
      err.println("lakehouse " + cmd.getCommandName() + ": " + oneLine(exception));
      if (System.getenv("LAKEHOUSE_DEBUG") != null) {
        exception.printStackTrace(err);
      } else {
        err.println("(set LAKEHOUSE_DEBUG=1 for the stack trace)");
      }
      err.flush();
      return 1;
    });
    return commandLine.execute(args);
  }

  /** The most telling message of an exception chain, on one line. */
  static String oneLine(Throwable exception) {
    Throwable shown = exception;
    while (shown.getMessage() == null && shown.getCause() != null) {
      shown = shown.getCause();
    }
    String message = shown.getMessage() == null ? "" : shown.getMessage();
    // Spark's parse errors start with a newline: the reason is the first line that says something
    return message.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
        .orElse(shown.getClass().getSimpleName());
  }
}
