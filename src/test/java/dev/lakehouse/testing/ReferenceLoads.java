package dev.lakehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.generate.ReferenceFiles;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * The generator's reference data loaded as a user loads theirs: written to CSV files under the test's
 * storage root, then `load` through the CLI, as the demo does.
 */
public final class ReferenceLoads {
  private ReferenceLoads() {}

  /** The products and customers of {@code seed} as of the start of {@code day}. */
  public static void commerce(Lakehouse lakehouse, long seed, LocalDate day) {
    Path dir = Path.of(lakehouse.config().path("reference-files/commerce-" + seed));
    for (Map.Entry<String, Path> file : ReferenceFiles.commerce(dir, seed).entrySet()) {
      ChildJvm.Result result = InProcessCli.execute(lakehouse.config(), "load", file.getKey(), file.getValue().toString(),
          "--as-of", day.toString());
      assertThat(result.exitCode()).as("load " + file.getKey() + ": " + result.output()).isZero();
      assertThat(result.output()).contains("0 held");
    }
  }
}
