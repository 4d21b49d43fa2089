/**
 * Realistic, deterministic synthetic data for the three domains, written as Kafka-ready records.
 *
 * <p>{@link dev.lakehouse.generate.DataGenerator} interleaves one UTC day of records over all topics
 * in event-time order; {@link dev.lakehouse.generate.GeneratorSettings} fixes the seed, the day, the
 * malformed fraction and the {@link dev.lakehouse.generate.Anomaly anomalies} to inject. The seed
 * fixes the world (500 products, 2,000 users, ~3,150 web clients, 800 card holders, 20 instruments),
 * which stays the same from day to day; seed and day fix the activity.
 *
 * <p>Values, by topic (see {@link dev.lakehouse.generate.Topics}):
 * <ul>
 *   <li>{@code commerce.events} (key user_id): JSON clickstream of sessions, Zipf product popularity.
 *   <li>{@code commerce.orders} (key order_id): JSON, one record per order line.
 *   <li>{@code commerce.inventory} (key product_id): JSON stock changes with a per-product sequence.
 *   <li>{@code logs.access} (no key): Apache combined log lines.
 *   <li>{@code logs.syslog} (no key): RFC 3164 lines, about 30% RFC 5424.
 *   <li>{@code logs.app} (key service): JSON application logs.
 *   <li>{@code finance.payments} (key card_id): JSON card payments with labelled fraud.
 *   <li>{@code finance.prices} (key instrument_id): JSON price ticks, one per instrument per interval.
 * </ul>
 *
 * <p>{@link dev.lakehouse.generate.MalformedRecords} builds the bad records that ingestion must
 * quarantine; the generator injects them at the configured fraction.
 */
package dev.lakehouse.generate;
