package dev.lakehouse.spark;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.catalyst.analysis.LocalTempView$;
import org.apache.spark.sql.catalyst.analysis.GlobalTempView$;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.command.CreateViewCommand;
import org.apache.spark.sql.execution.command.DropTableCommand;
import scala.collection.JavaConverters;

/**
 * Which statement of an analyzed plan changes something beyond the session, if any: writes, drops,
 * alters, creates, caches, loads code. Reads, SHOW and DESCRIBE (Delta's history and detail too),
 * EXPLAIN, SET/RESET/USE and temporary views change nothing shared and pass.
 *
 * <p>Every command is refused unless it is known to be read-only, so a command this list has not
 * heard of (a new Delta command, say) is refused rather than let through.
 */
public final class WritingStatements {
  /** Commands (analyzed or not) that only read, describe or set session state. */
  private static final Set<String> READ_ONLY = Set.of(
      // SET, RESET, USE, session variables: the session's own state
      "SetCommand", "ResetCommand", "SetNamespaceCommand", "SetCatalogCommand", "SetCatalogAndNamespace",
      "CreateVariable", "DropVariable", "SetVariable",
      // SHOW ...
      "ShowTablesCommand", "ShowTables", "ShowTableExtended", "ShowNamespaces", "ShowNamespacesCommand",
      "ShowViewsCommand", "ShowViews", "ShowColumnsCommand", "ShowColumns", "ShowDeltaTableColumnsCommand",
      "ShowCreateTableCommand", "ShowCreateTableAsSerdeCommand", "ShowCreateTable", "ShowTablePropertiesCommand",
      "ShowTableProperties", "ShowPartitionsCommand", "ShowPartitions", "ShowFunctionsCommand", "ShowFunctions",
      "ShowCatalogsCommand", "ShowCurrentNamespaceCommand", "ShowCurrentNamespace",
      // DESCRIBE ..., including Delta's DESCRIBE HISTORY and DESCRIBE DETAIL
      "DescribeTableCommand", "DescribeRelation", "DescribeColumnCommand", "DescribeColumn",
      "DescribeDatabaseCommand", "DescribeNamespace", "DescribeFunctionCommand", "DescribeFunction",
      "DescribeQueryCommand", "DescribeDeltaHistoryCommand", "DescribeDeltaHistory", "DescribeDeltaDetailCommand",
      // EXPLAIN, LIST JAR/FILE, REFRESH (drops cached metadata, reads the latest again)
      "ExplainCommand", "StreamingExplainCommand", "ListJarsCommand", "ListFilesCommand", "ListArchivesCommand",
      "RefreshTableCommand", "RefreshTable", "RefreshFunctionCommand",
      // temporary views live in the session (CREATE TEMPORARY VIEW is checked below)
      "CreateTempViewUsing", "DropTempViewCommand");

  /** The statement a refused command class stands for, first match wins; otherwise its name in words. */
  private static final List<Naming> NAMES = List.of(
      new Naming("InsertInto.*Dir.*", "INSERT OVERWRITE DIRECTORY"),
      new Naming("InsertInto.*|AppendData|WriteIntoDelta.*|SaveIntoDataSourceCommand", "INSERT"),
      new Naming("Overwrite.*", "INSERT OVERWRITE"),
      new Naming(".*Merge.*", "MERGE"),
      new Naming("Delete.*", "DELETE"),
      new Naming("Update.*", "UPDATE"),
      new Naming("Truncate.*", "TRUNCATE TABLE"),
      new Naming("Optimize.*", "OPTIMIZE"),
      new Naming("Vacuum.*", "VACUUM"),
      new Naming("Restore.*", "RESTORE"),
      new Naming(".*Reorg.*", "REORG TABLE"),
      new Naming("Clone.*", "CLONE"),
      new Naming("ConvertToDelta.*", "CONVERT TO DELTA"),
      new Naming("DeltaGenerate.*", "GENERATE"),
      new Naming("DropView.*", "DROP VIEW"),
      new Naming("Drop(Namespace|Database).*", "DROP DATABASE"),
      new Naming("DropFunction.*", "DROP FUNCTION"),
      new Naming("Drop.*", "DROP TABLE"),
      new Naming("Replace.*", "REPLACE TABLE"),
      new Naming("Create(View|ViewCommand)", "CREATE VIEW"),
      new Naming("Create(Namespace|Database).*", "CREATE DATABASE"),
      new Naming("CreateFunction.*", "CREATE FUNCTION"),
      new Naming("Create.*", "CREATE TABLE"),
      new Naming("AlterView.*", "ALTER VIEW"),
      new Naming("Alter(Database|Namespace).*|SetNamespace.*", "ALTER DATABASE"),
      new Naming("Alter.*|AddColumns|DropColumns|RenameColumn|ReplaceColumns|RenameTable|.*TableProperties"
          + "|.*Partitions|SetTableLocation|SetTableSerDeProperties", "ALTER TABLE"),
      new Naming("AddJars.*", "ADD JAR"),
      new Naming("AddFiles.*", "ADD FILE"),
      new Naming("AddArchives.*", "ADD ARCHIVE"),
      new Naming("Cache.*", "CACHE TABLE"),
      new Naming("Uncache.*", "UNCACHE TABLE"),
      new Naming("ClearCache.*", "CLEAR CACHE"),
      new Naming("Analyze.*", "ANALYZE TABLE"),
      new Naming("LoadData.*", "LOAD DATA"),
      new Naming("(Repair|Msck).*", "MSCK REPAIR TABLE"),
      new Naming("CommentOn.*", "COMMENT ON"));

  private WritingStatements() {}

  /**
   * The first statement of {@code plan} that a read-only session may not run, named as a user
   * types it ("DROP TABLE", "INSERT", "OPTIMIZE"); empty when the plan only reads.
   */
  public static Optional<String> find(LogicalPlan plan, SessionCatalog catalog) {
    Optional<String> own = statement(plan, catalog);
    if (own.isPresent()) {
      return own;
    }
    for (LogicalPlan child : JavaConverters.seqAsJavaList(plan.children())) {
      Optional<String> found = find(child, catalog);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> statement(LogicalPlan node, SessionCatalog catalog) {
    String name = node.getClass().getSimpleName();
    // reflect() / java_method() call any static Java method of the server (System.exit, ...)
    if (callsJavaMethods(node)) {
      return Optional.of("REFLECT");
    }
    boolean command = node instanceof Command || name.equals("InsertIntoStatement");
    if (!command || READ_ONLY.contains(name) || isTemporaryView(node, catalog)) {
      return Optional.empty();
    }
    if (node instanceof DropTableCommand drop && drop.isView()) {
      return Optional.of("DROP VIEW");
    }
    return Optional.of(statementOf(name));
  }

  /** CREATE TEMPORARY VIEW and DROP VIEW of a temporary view touch the session only. */
  private static boolean isTemporaryView(LogicalPlan node, SessionCatalog catalog) {
    if (node instanceof CreateViewCommand create) {
      return create.viewType() == LocalTempView$.MODULE$ || create.viewType() == GlobalTempView$.MODULE$;
    }
    if (node instanceof DropTableCommand drop) {
      return drop.isView() && catalog.isTempView(drop.tableName());
    }
    return false;
  }

  private static boolean callsJavaMethods(LogicalPlan node) {
    for (Expression expression : JavaConverters.seqAsJavaList(node.expressions())) {
      if (expression.exists(e -> e instanceof CallMethodViaReflection)) {
        return true;
      }
    }
    return false;
  }

  static String statementOf(String commandClass) {
    String name = commandClass.replace("$", "");
    for (Naming naming : NAMES) {
      if (naming.pattern().matcher(name).matches()) {
        return naming.statement();
      }
    }
    // e.g. SomeNewThingCommand -> SOME NEW THING
    return name.replaceFirst("(Command|Statement|Exec)$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase();
  }

  private record Naming(Pattern pattern, String statement) {
    Naming(String regex, String statement) {
      this(Pattern.compile(regex), statement);
    }
  }
}
