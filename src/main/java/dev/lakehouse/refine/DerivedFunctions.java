package dev.lakehouse.refine;

import dev.lakehouse.catalog.TableCatalog;
import dev.lakehouse.logs.blacklist.IpBlacklist;
import dev.lakehouse.logs.parse.UserAgentInfo;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Session functions a {@code lakehouse.derive.*} expression may call whose answer depends on
 * other tables; each is redefined over the current state of its table before a batch uses it.
 */
public final class DerivedFunctions {
  /** {@code lakehouse_user_agent(user_agent)}: struct of browser, os, device_class, is_bot (see {@link UserAgentInfo}). */
  static final String USER_AGENT = "lakehouse_user_agent";
  private static final StructType USER_AGENT_TYPE = new StructType()
      .add("browser", DataTypes.StringType)
      .add("os", DataTypes.StringType)
      .add("device_class", DataTypes.StringType)
      .add("is_bot", DataTypes.BooleanType);

  private DerivedFunctions() {}

  private static Row userAgent(String agent) {
    if (agent == null) {
      return null;
    }
    UserAgentInfo info = UserAgentInfo.of(agent);
    return RowFactory.create(info.browser(), info.os(), info.deviceClass(), info.isBot());
  }

  static void refresh(SparkSession spark, TableCatalog catalog, RefineSpec spec) {
    register(spark, catalog, spec.derived().values());
  }

  /** (Re)defines the functions {@code expressions} call, over the current state of their tables. */
  public static void register(SparkSession spark, TableCatalog catalog, java.util.Collection<String> expressions) {
    if (expressions.stream().anyMatch(e -> e.contains(IpBlacklist.FUNCTION))) {
      new IpBlacklist(catalog).registerFunction(spark);
    }
    if (expressions.stream().anyMatch(e -> e.contains(USER_AGENT))) {
      spark.udf().register(USER_AGENT, (UDF1<String, Row>) DerivedFunctions::userAgent, USER_AGENT_TYPE);
    }
  }
}
