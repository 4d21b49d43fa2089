package dev.lakehouse.serve.sql;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HiveServer2 settings of the SQL endpoint: where it listens, how clients log in, and where its
 * scratch files go (under {@code workDir}, never the working directory).
 *
 * @param host address to bind
 * @param port TCP port
 * @param checksPassword whether logins must present the token (CUSTOM authentication), else NONE
 * @param workDir local folder for Hive's scratch, resource and operation-log folders
 */
record HiveServerSettings(String host, int port, boolean checksPassword, Path workDir) {

  /** The Hive configuration, key by key. */
  Map<String, String> hiveConf() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("hive.server2.thrift.bind.host", host);
    conf.put("hive.server2.thrift.port", Integer.toString(port));
    conf.put("hive.server2.transport.mode", "binary");
    // CUSTOM checks the password with TokenAuthentication; NONE takes any (loopback without a token)
    conf.put("hive.server2.authentication", checksPassword ? "CUSTOM" : "NONE");
    conf.put("hive.server2.custom.authentication.class", TokenAuthentication.class.getName());
    // queries run as the server's user: no impersonation of the JDBC user name
    conf.put("hive.server2.enable.doAs", "false");
    conf.put("hive.exec.scratchdir", workDir.resolve("scratch").toString());
    conf.put("hive.exec.local.scratchdir", workDir.resolve("local-scratch").toString());
    conf.put("hive.downloaded.resources.dir", workDir.resolve("resources").toString());
    conf.put("hive.querylog.location", workDir.resolve("query-logs").toString());
    conf.put("hive.server2.logging.operation.log.location", workDir.resolve("operation-logs").toString());
    return conf;
  }

  /**
   * The settings HiveServer2 reads from a fresh HiveConf rather than from the server's (the custom
   * password check builds its own), which therefore go to system properties too.
   */
  Map<String, String> systemProperties() {
    return Map.of(
        "hive.server2.authentication", hiveConf().get("hive.server2.authentication"),
        "hive.server2.custom.authentication.class", TokenAuthentication.class.getName(),
        // Derby (Hive's execution metastore) writes its log to the working directory unless told
        "derby.stream.error.file", workDir.resolve("derby.log").toString());
  }

  /** The JDBC URL clients use. */
  String jdbcUrl() {
    return "jdbc:hive2://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/default";
  }
}
