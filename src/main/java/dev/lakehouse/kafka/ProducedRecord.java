package dev.lakehouse.kafka;

/**
 * What {@link RecordPublisher} sends: a source (the topic without kafka.topic-prefix), the key (null
 * for keyless sources), the value bytes and the record timestamp in epoch milliseconds. Any producer
 * implements it; the synthetic generator's records are one kind.
 */
public interface ProducedRecord {
  String topic();

  byte[] key();

  byte[] value();

  long timestampMs();
}
