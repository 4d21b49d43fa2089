package dev.lakehouse.cli;

import dev.lakehouse.config.LakehouseConfig;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "config", mixinStandardHelpOptions = true,
    description = "Print every configuration key with its resolved value, where it came from, and its environment variable.")
final class ConfigCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    LakehouseConfig config = options.config();
    Map<String, String> env = LakehouseConfig.environmentNames();
    System.out.printf("%-32s %-40s %-36s %s%n", "key", "value", "environment", "from");
    config.values().forEach((key, value) ->
        System.out.printf("%-32s %-40s %-36s %s%n", key, value, env.get(key), config.origins().get(key)));
    return 0;
  }
}
