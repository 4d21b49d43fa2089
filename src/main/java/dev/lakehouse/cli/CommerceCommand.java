package dev.lakehouse.cli;

import picocli.CommandLine.Command;

@Command(name = "commerce", mixinStandardHelpOptions = true,
    description = "Commerce gold: behaviour, sessions, sales and revenue anomalies.",
    subcommands = {CommerceStreamCommand.class})
final class CommerceCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }
}
