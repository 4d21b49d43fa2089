package dev.lakehouse.cli;

import dev.lakehouse.config.LakehouseConfig;
import dev.lakehouse.generate.DataGenerator;
import dev.lakehouse.generate.GeneratorSettings;
import dev.lakehouse.generate.Topics;
import dev.lakehouse.kafka.KafkaAdmin;
import dev.lakehouse.kafka.RecordPublisher;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Produce realistic synthetic events for all three domains to Kafka:",
        "commerce behaviour, orders and inventory; web access, syslog and JSON app logs; payments and prices."})
final class GenerateCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;
  @Mixin GenerateOptions generate;

  @Option(names = "--rate", paramLabel = "R", description = "Records per second; 0 sends as fast as the broker takes them (default).")
  double rate;

  @Override
  public Integer call() {
    if (rate < 0) {
      throw new IllegalArgumentException("Invalid --rate " + rate + ": must be >= 0 records per second");
    }
    LakehouseConfig config = options.config();
    String bootstrap = config.kafka().bootstrapServers();
    KafkaAdmin.awaitReady(bootstrap, config.kafka().connectTimeout());
    publish(config, generate.settings(config), generate.count(config), rate);
    return 0;
  }

  /** Creates the topics and sends {@code count} records; prints progress and a per-topic summary. */
  static DataGenerator publish(LakehouseConfig config, GeneratorSettings settings, long count, double rate) {
    String bootstrap = config.kafka().bootstrapServers();
    KafkaAdmin.ensureTopics(bootstrap, Topics.all().stream().map(config.kafka()::topic).toList(), config.kafka().partitions());
    DataGenerator generator = new DataGenerator(settings, count);
    System.out.printf("Generating %,d records for %s (seed %d, malformed fraction %s, anomalies %s) to %s%n",
        count, settings.day(), settings.seed(), settings.malformedFraction(), settings.anomalies(), bootstrap);
    try (RecordPublisher publisher = new RecordPublisher(bootstrap, config.kafka().topicPrefix())) {
      publisher.publishAll(generator, count, rate, System.out);
    }
    generator.countsByTopic().forEach((topic, n) -> System.out.printf("  %-20s %,10d%n", topic, n));
    System.out.printf("  %-20s %,10d%n", "(malformed)", generator.malformedCount());
    return generator;
  }
}
