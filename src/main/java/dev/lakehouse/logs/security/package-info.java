/**
 * Web attack signatures for the log analyzer and the streaming detectors, all pure Java and called once per
 * request: {@link dev.lakehouse.logs.security.ProbeSignatures} (SQL injection, XSS and path traversal in a path
 * and query, as {@link dev.lakehouse.logs.security.ProbeKind}s with rule ids),
 * {@link dev.lakehouse.logs.security.BadAgents} (attack tools named in a User-Agent),
 * {@link dev.lakehouse.logs.security.LoginAttempts} (failed logins) and
 * {@link dev.lakehouse.logs.security.ScannerRules} (the thresholds that turn daily counts into scanners and
 * password guessers).
 *
 * <p>Every entry point is a static method with no state: patterns are compiled once into static finals, nothing
 * is cached, nothing throws on odd input (null, empty, malformed percent-escapes), so they are safe in any
 * thread and inside Spark UDFs and {@code mapPartitions} without serialising anything.
 */
package dev.lakehouse.logs.security;
