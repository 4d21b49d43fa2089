package dev.lakehouse.cli;

import dev.lakehouse.Lakehouse;
import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.serve.LakehouseServer;
import dev.lakehouse.serve.ServeAccess;
import dev.lakehouse.serve.ServeComponent;
import dev.lakehouse.serve.sql.SqlEndpoint;
import dev.lakehouse.serve.web.Dashboard;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run one long-lived process with a warm SparkSession and every declared table registered, serving:",
        "  the SQL endpoint (HiveServer2 protocol: beeline, JDBC/ODBC BI tools, PyHive) on serve.sql-port (10000),",
        "  the web dashboard and its JSON API on serve.http-port (8088).",
        "Binds serve.host (127.0.0.1); another address requires LAKEHOUSE_SERVE_TOKEN. Runs until Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to bind (default: serve.host).")
  String host;

  @Option(names = "--sql-port", paramLabel = "PORT", description = "SQL endpoint port, 0 for none (default: serve.sql-port).")
  Integer sqlPort;

  @Option(names = "--http-port", paramLabel = "PORT", description = "Dashboard port, 0 for none (default: serve.http-port).")
  Integer httpPort;

  @Option(names = "--allow-writes",
      description = "Let SQL clients run statements that write, drop or alter tables (refused by default).")
  boolean allowWrites;

  @Override
  public Integer call() throws InterruptedException {
    LakehouseConfig config = options.config();
    ServeAccess access = ServeAccess.of(host == null ? config.serve().host() : host, System.getenv());
    List<ServeComponent> components = components(config);
    if (components.isEmpty()) {
      throw new IllegalArgumentException("Invalid serve ports: both --sql-port and --http-port are 0, nothing to serve");
    }
    Lakehouse lakehouse = Lakehouse.open(config, "lakehouse-serve");
    lakehouse.catalog().registerAll(lakehouse.spark());   // clients list tables through Spark's session catalog
    LakehouseServer server = new LakehouseServer(lakehouse, access, components);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "serve-shutdown"));
    server.start().forEach((name, address) -> System.out.println(name + ": " + address));
    System.out.println("Access: " + access.describe());
    System.out.println("Serving " + config.home() + " (Ctrl-C to stop)");
    System.out.flush();
    stopped.await();
    return 0;
  }

  private List<ServeComponent> components(LakehouseConfig config) {
    int sql = port("--sql-port", sqlPort == null ? config.serve().sqlPort() : sqlPort);
    int http = port("--http-port", httpPort == null ? config.serve().httpPort() : httpPort);
    List<ServeComponent> components = new ArrayList<>();
    if (sql > 0) {
      components.add(new SqlEndpoint(sql, allowWrites));
    }
    if (http > 0) {
      components.add(new Dashboard(http));
    }
    return components;
  }

  private static int port(String option, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Invalid " + option + " " + port + ": must be a TCP port between 1 and 65535, or 0 for none");
    }
    return port;
  }
}
