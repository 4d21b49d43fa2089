package dev.lakehouse.cli;

import dev.lakehouse.Timings;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The lakehouse command line. The only place that exits the JVM. Its name, options and version are
 * {@link RootCommand}'s; this adds every subcommand.
 */
@Command(
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
public final class Main extends RootCommand {

  public static void main(String[] args) {
    Timings.markMain();
    int exit = execute(args);
    dev.lakehouse.monitor.StreamMonitor.closeAllNow();
    Timings.printIfRequested(System.err);
    System.exit(exit);
  }

  /** Runs a command line and returns its exit code: 0 success, 1 failure, 2 bad usage. */
  public static int execute(String... args) {
    CommandLine commandLine = commandLine(args);
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

  /**
   * The command line for {@code args}: when they start with a subcommand's name, the root with only
   * that subcommand's tree, since building every subcommand's costs about 0.3 s of each command's
   * start; for anything else (no arguments, help, an unknown name) the root with all of them.
   */
  static CommandLine commandLine(String... args) {
    Optional<Class<?>> named = args.length == 0 ? Optional.empty()
        : Arrays.stream(Main.class.getAnnotation(Command.class).subcommands())
            .filter(c -> c != CommandLine.HelpCommand.class)
            .filter(c -> c.getAnnotation(Command.class).name().equals(args[0]))
            .findFirst();
    if (named.isEmpty()) {
      return new CommandLine(new Main());
    }
    CommandLine root = new CommandLine(new RootCommand());
    root.addSubcommand(new CommandLine(named.get()));
    return root;
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
