package dev.lakehouse.generate;

/**
 * One record ready for a Kafka producer: the topic, the key (null for keyless topics), the value
 * bytes and the record timestamp, which is the event time in epoch milliseconds.
 */
public record GeneratedRecord(String topic, byte[] key, byte[] value, long timestampMs)
    implements dev.lakehouse.kafka.ProducedRecord {}
