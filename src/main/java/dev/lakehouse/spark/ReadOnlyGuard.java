package dev.lakehouse.spark;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * Makes the SQL endpoint's client sessions read-only. A Spark session extension (every session gets
 * it: spark/Sessions lists it in {@code spark.sql.extensions}) adds a check to the analyzer; while a
 * read-only endpoint runs, the check refuses any plan that writes, drops, alters or creates (see
 * {@link WritingStatements}) in every session but the server's own.
 *
 * <p>The rule follows the session object, not a setting: the Thrift server gives each client a
 * {@code newSession()} of the server's session, and nothing a client can SET or RESET changes which
 * session it is. Unarmed (every other process), the check returns at once.
 */
public final class ReadOnlyGuard implements Function1<SparkSessionExtensions, BoxedUnit> {
  /** The sessions that may still write while armed; null when the guard is not armed. */
  private static final AtomicReference<Set<SparkSession>> WRITABLE = new AtomicReference<>();

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    extensions.injectCheckRule(session -> plan -> {
      check(session, plan);
      return BoxedUnit.UNIT;
    });
    return BoxedUnit.UNIT;
  }

  /**
   * Arms the guard: from now until {@link Armed#close()}, every session except {@code writable}
   * refuses statements that write. Arming again replaces the previous set.
   */
  public static Armed arm(SparkSession writable) {
    Set<SparkSession> sessions = Collections.newSetFromMap(new IdentityHashMap<>());
    sessions.add(writable);
    Set<SparkSession> armed = Collections.unmodifiableSet(sessions);
    WRITABLE.set(armed);
    return new Armed(armed);
  }

  /** Whether {@code session} may run statements that write right now. */
  public static boolean mayWrite(SparkSession session) {
    Set<SparkSession> writable = WRITABLE.get();
    return writable == null || writable.contains(session);
  }

  static void check(SparkSession session, LogicalPlan plan) {
    if (mayWrite(session)) {
      return;
    }
    WritingStatements.find(plan, session.sessionState().catalog()).ifPresent(statement -> {
      throw new Refused(statement);
    });
  }

  /**
   * A statement refused by the guard. Not an AnalysisException, to which the analyzer appends the
   * whole plan: a JDBC client gets the one sentence ("Error running query: " + this).
   */
  public static final class Refused extends RuntimeException {
    Refused(String statement) {
      super("Cannot run " + statement + " over the read-only SQL endpoint: start serve with --allow-writes to allow it");
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }

  /** An armed guard; closing it disarms the guard (unless it was armed again since). */
  public static final class Armed implements AutoCloseable {
    private final Set<SparkSession> writable;

    private Armed(Set<SparkSession> writable) {
      this.writable = writable;
    }

    @Override
    public void close() {
      WRITABLE.compareAndSet(writable, null);
    }
  }
}
