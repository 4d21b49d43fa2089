package dev.lakehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command without subcommands: {@link Main} adds them all, {@link Main#commandLine} only
 * the one a command line names.
 */
@Command(
    name = "lakehouse",
    mixinStandardHelpOptions = true,
    version = "lakehouse 0.1.0",
    description = "A streaming lakehouse on Delta Lake: Kafka -> bronze -> silver -> gold.")
class RootCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(new Main()).usage(System.out);
  }
}
