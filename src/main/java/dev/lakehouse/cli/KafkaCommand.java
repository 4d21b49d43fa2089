package dev.lakehouse.cli;

import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.kafka.KafkaAdmin;
import dev.lakehouse.kafka.LocalKafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "kafka", mixinStandardHelpOptions = true,
    description = {"Start a local single-node Kafka broker (KRaft) on loopback and run until Ctrl-C.",
        "Its data lives under LAKEHOUSE_HOME/kafka, so a restart keeps the topics."})
final class KafkaCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--no-topics", description = "Do not create the configured ingest topics.")
  boolean noTopics;

  @Override
  public Integer call() throws InterruptedException {
    LakehouseConfig config = options.config();
    Path data = Path.of(config.path("kafka"));
    LocalKafkaBroker broker = LocalKafkaBroker.start(data, config.kafka().port(), config.kafka().port() + 1);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      broker.close();
      stopped.countDown();
    }, "kafka-shutdown"));
    if (!noTopics) {
      KafkaAdmin.ensureTopics(broker.bootstrapServers(),
          config.ingest().topics().stream().map(config.kafka()::topic).toList(), config.kafka().partitions());
    }
    System.out.println("Kafka broker ready at " + broker.bootstrapServers() + " (data in " + data + ")");
    System.out.println("Topics: " + String.join(", ", config.ingest().topics()));
    System.out.println("Press Ctrl-C to stop.");
    System.out.flush();
    stopped.await();
    return 0;
  }
}
