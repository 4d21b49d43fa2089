package dev.lakehouse.cli;

import dev.lakehouse.Timings;
import dev.lakehouse.config.LakehouseConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command shares: configuration overrides, highest in precedence. */
public final class ConfigOptions {
  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "Override a configuration key (repeatable); see `lakehouse config` for the keys.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--profile", paramLabel = "NAME", description = "Configuration profile: local | cluster.")
  String profile;

  private LakehouseConfig loaded;

  @Option(names = "--timings",
      description = "Print where the command's time went (JVM, Spark, tables, quality gates, commits) to stderr at the end; "
          + "same as LAKEHOUSE_PROFILE_TIMINGS=1.")
  void timings(boolean on) {
    if (on) {
      Timings.request();
    }
  }

  /** The configuration: defaults < profile < LAKEHOUSE_* environment < --profile / --conf. */
  public LakehouseConfig config() {
    if (loaded == null) {
      List<String> all = new ArrayList<>();
      if (profile != null) {
        all.add("profile=" + profile);
      }
      all.addAll(overrides);
      loaded = LakehouseConfig.load(System.getenv(), all);
    }
    return loaded;
  }
}
