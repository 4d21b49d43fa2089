package dev.lakehouse.quality.suite;

import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel;
import com.amazon.deequ.constraints.Constraint;
import java.util.List;
import scala.Function1;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.Enumeration;

/**
 * The rules of a suite as Deequ checks: one {@link Check} per rule, in file order, whose description
 * is the rule id and whose level is the rule's ({@code error} -> {@code CheckLevel.Error},
 * {@code warning} -> {@code CheckLevel.Warning}). Each check holds exactly one constraint:
 *
 * <table>
 *   <tr><th>check</th><th>Deequ constraint</th></tr>
 *   <tr><td>complete</td><td>{@code isComplete(column)}</td></tr>
 *   <tr><td>completeness</td><td>{@code hasCompleteness(column, _ >= min)}</td></tr>
 *   <tr><td>unique</td><td>{@code isPrimaryKey(columns...)} (uniqueness of the column combination is 1.0)</td></tr>
 *   <tr><td>allowed_values, range, pattern, references, expression</td>
 *       <td>{@code satisfies(rule.rowPredicate(), describe, _ >= fraction)}, fraction 1.0 except
 *       {@code min_fraction} of expression; the predicate is the one quarantine uses, so a batch
 *       passes exactly when no row would be quarantined</td></tr>
 *   <tr><td>freshness</td><td>{@code satisfies("<column> >= TIMESTAMP_SECONDS(<reference - max_age>)", _ > 0)}:
 *       at least one row is recent enough, which holds exactly when max(column) is; an empty table fails</td></tr>
 *   <tr><td>row_count</td><td>{@code hasSize(n => min <= n && n <= max)}</td></tr>
 * </table>
 *
 * Anomaly rules are not checks here: they need the metric history (see {@link AnomalyRule}).
 * The data given to Deequ must carry the {@link QualityRule#referenceFlag()} column of every
 * {@code references} rule.
 */
public final class DeequChecks {
  private DeequChecks() {}

  /**
   * @param referenceTimeEpochSeconds the time freshness is measured from (the run's logical time, not
   *     the clock)
   */
  public static List<Check> of(QualitySuite suite, long referenceTimeEpochSeconds) {
    return suite.rules().stream().map(rule -> of(rule, referenceTimeEpochSeconds)).toList();
  }

  /** The one-constraint check of a rule. */
  public static Check of(QualityRule rule, long referenceTimeEpochSeconds) {
    Check empty = new Check(level(rule.level()), rule.id(), scala.collection.immutable.List.<Constraint>empty());
    Option<String> hint = Option.apply(hint(rule));
    return switch (rule.type()) {
      // every row has a value
      case COMPLETE -> empty.isComplete(rule.column(), hint, Option.empty());
      // enough rows have a value
      case COMPLETENESS -> empty.hasCompleteness(rule.column(), atLeast(rule.doubleParam("min")), hint, Option.empty());
      // no two rows share the key
      case UNIQUE -> empty.isPrimaryKey(rule.columns().get(0), hint, Option.empty(), seq(rule.columns().subList(1, rule.columns().size())));
      // every (or enough) rows pass the same predicate quarantine applies
      case ALLOWED_VALUES, RANGE, PATTERN, REFERENCES -> rowsSatisfy(empty, rule, 1.0, hint);
      case EXPRESSION -> rowsSatisfy(empty, rule, rule.doubleParam("min_fraction"), hint);
      // some row is recent enough, i.e. the newest one is
      case FRESHNESS -> empty.satisfies(rule.freshnessCondition(referenceTimeEpochSeconds), rule.describe(),
          moreThan(0.0), hint, scala.collection.immutable.List.<String>empty(), Option.empty());
      // the table holds a plausible number of rows
      case ROW_COUNT -> empty.hasSize(between(rule.longParam("min"), rule.longParam("max")), hint);
    };
  }

  private static Check rowsSatisfy(Check empty, QualityRule rule, double fraction, Option<String> hint) {
    return empty.satisfies(rule.rowPredicate(), rule.describe(), atLeast(fraction), hint,
        scala.collection.immutable.List.<String>empty(), Option.empty());
  }

  private static Enumeration.Value level(RuleLevel level) {
    return level == RuleLevel.ERROR ? CheckLevel.Error() : CheckLevel.Warning();
  }

  /** What Deequ appends to a failed constraint's message: the rule and, when given, its description. */
  private static String hint(QualityRule rule) {
    return rule.description() == null ? rule.describe() : rule.describe() + " (" + rule.description() + ")";
  }

  /** Deequ passes metrics boxed: Double for fractions, Long for sizes. */
  private static Function1<Object, Object> atLeast(double min) {
    return value -> ((Number) value).doubleValue() >= min;
  }

  private static Function1<Object, Object> moreThan(double min) {
    return value -> ((Number) value).doubleValue() > min;
  }

  private static Function1<Object, Object> between(Long min, Long max) {
    long low = min == null ? Long.MIN_VALUE : min;
    long high = max == null ? Long.MAX_VALUE : max;
    return value -> {
      long size = ((Number) value).longValue();
      return size >= low && size <= high;
    };
  }

  private static Seq<String> seq(List<String> values) {
    return JavaConverters.asScalaBufferConverter(values).asScala().toList();
  }
}
