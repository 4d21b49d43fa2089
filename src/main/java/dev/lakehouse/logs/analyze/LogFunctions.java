package dev.lakehouse.logs.analyze;

import dev.lakehouse.logs.parse.UserAgentInfo;
import dev.lakehouse.logs.security.BadAgents;
import dev.lakehouse.logs.security.LoginAttempts;
import dev.lakehouse.logs.security.ProbeSignatures;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;

/** The SQL functions the log analysis and detectors call, defined once per session. */
public final class LogFunctions {
  /** {@code lakehouse_probe(path, query)}: sql_injection | xss | path_traversal | null. */
  public static final String PROBE = "lakehouse_probe";
  /** {@code lakehouse_bad_agent(user_agent)}: the attack tool's name, or null. */
  public static final String BAD_AGENT = "lakehouse_bad_agent";
  /** {@code lakehouse_failed_login(method, path, status)}. */
  public static final String FAILED_LOGIN = "lakehouse_failed_login";
  /** {@code lakehouse_is_bot(user_agent)}: crawler, scanner or script. */
  public static final String IS_BOT = "lakehouse_is_bot";

  private LogFunctions() {}

  public static void register(SparkSession spark) {
    spark.udf().register(PROBE, (UDF2<String, String, String>) ProbeSignatures::firstProbe, DataTypes.StringType);
    spark.udf().register(BAD_AGENT, (UDF1<String, String>) BadAgents::tool, DataTypes.StringType);
    spark.udf().register(FAILED_LOGIN,
        (UDF3<String, String, Integer, Boolean>) (method, path, status) ->
            status != null && LoginAttempts.isFailedLogin(method, path, status), DataTypes.BooleanType);
    spark.udf().register(IS_BOT, (UDF1<String, Boolean>) agent -> UserAgentInfo.of(agent).isBot(), DataTypes.BooleanType);
  }
}
