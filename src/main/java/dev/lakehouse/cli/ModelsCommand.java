package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.ml.ModelRegistry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "models", mixinStandardHelpOptions = true,
    description = "The model registry (ops.model_registry): every trained version, its metrics and status.",
    subcommands = {ModelsCommand.ListVersions.class, ModelsCommand.Rollback.class})
final class ModelsCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List model versions, oldest first: status, primary metric, when trained, why.")
  static final class ListVersions implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Only this model, e.g. fraud.")
    String name;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-models");
      ModelRegistry registry = new ModelRegistry(lakehouse.config(), lakehouse.catalog());
      List<ModelRegistry.Version> versions = name == null
          ? registry.all(lakehouse.spark())
          : registry.versions(lakehouse.spark(), name);
      if (versions.isEmpty()) {
        System.out.println(name == null ? "No model trained yet" : "No version of model '" + name + "'");
        return 0;
      }
      System.out.printf("%-10s %7s %-11s %-22s %10s  %-20s %s%n", "name", "version", "status", "primary metric", "value",
          "created at", "note");
      for (ModelRegistry.Version v : versions) {
        System.out.printf("%-10s %7d %-11s %-22s %10.4f  %-20s %s%n", v.name(), v.version(), v.status(),
            v.primaryMetric(), v.primary(), v.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), v.note());
      }
      return 0;
    }
  }

  @Command(name = "rollback", mixinStandardHelpOptions = true,
      description = "Take the promoted version of a model out of service and promote the newest archived one.")
  static final class Rollback implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(index = "0", paramLabel = "NAME", description = "The model, e.g. fraud.")
    String name;

    @Override
    public Integer call() {
      Lakehouse lakehouse = Lakehouse.open(options.config(), "lakehouse-models");
      ModelRegistry.Version restored = new ModelRegistry(lakehouse.config(), lakehouse.catalog())
          .rollback(lakehouse.spark(), name);
      System.out.printf("Model %s: version %d promoted again (%s = %.4f)%n", name, restored.version(),
          restored.primaryMetric(), restored.primary());
      return 0;
    }
  }
}
