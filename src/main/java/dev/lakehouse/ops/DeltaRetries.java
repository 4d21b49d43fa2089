package dev.lakehouse.ops;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;

/**
 * Delta's optimistic concurrency: a MERGE or UPDATE that read files another writer changed
 * meanwhile fails with a concurrent-modification error and is safe to run again. The ops tables
 * are shared by every query of a process (each refine query quarantines into ops.quarantine), so
 * their read-then-write commits retry with jittered backoff.
 */
public final class DeltaRetries {
  private static final RetryPolicy<Object> CONFLICTS = RetryPolicy.builder()
      .handleIf(DeltaRetries::isConflict)
      .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(5))
      .withJitter(0.5)
      .withMaxRetries(20)
      .build();

  private DeltaRetries() {}

  /** Runs a Delta commit, again if it lost a race with a concurrent writer. */
  public static void onConflict(Runnable commit) {
    Failsafe.with(CONFLICTS).run(commit::run);
  }

  private static boolean isConflict(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof DeltaConcurrentModificationException) {
        return true;
      }
    }
    return false;
  }
}
