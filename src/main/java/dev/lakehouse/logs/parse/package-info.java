/**
 * Parsers for log lines: web server access logs ({@link dev.lakehouse.logs.parse.WebLogParser}), syslog
 * ({@link dev.lakehouse.logs.parse.SyslogParser}) and JSON application logs
 * ({@link dev.lakehouse.logs.parse.AppLogParser}), a format guesser for {@code --format auto}
 * ({@link dev.lakehouse.logs.parse.FormatDetector}) and a User-Agent classifier
 * ({@link dev.lakehouse.logs.parse.UserAgentInfo}).
 *
 * <p>Pure Java, no Spark: every parser is a class of static methods with no state, safe in any thread and
 * in Spark's {@code mapPartitions}; results are {@code Serializable} records. Times come out as UTC
 * instants. Nothing throws on bad input: a line either parses or comes back as a
 * {@link dev.lakehouse.logs.parse.ParseResult.Rejected} with a rule id and a reason that names what was
 * wrong and quotes at most 80 characters of the line, ready for {@code ops.quarantine}:
 *
 * <table>
 *   <caption>Rule ids of rejected lines</caption>
 *   <tr><th>rule id</th><th>meaning</th></tr>
 *   <tr><td>{@code parse.empty}</td><td>null, empty or blank</td></tr>
 *   <tr><td>{@code parse.no_format}</td><td>not in the format asked for (or in any, for {@code parseAny}):
 *       fields missing or of the wrong shape, a bad syslog priority</td></tr>
 *   <tr><td>{@code parse.bad_timestamp}</td><td>a timestamp of the right place but not a valid time</td></tr>
 *   <tr><td>{@code parse.bad_status}</td><td>an HTTP status that is not 100 to 599</td></tr>
 *   <tr><td>{@code parse.bad_request_line}</td><td>a request line without its closing quote (a request
 *       line that is no HTTP request is kept, not rejected)</td></tr>
 *   <tr><td>{@code parse.json}</td><td>an app log line that is not a JSON object</td></tr>
 *   <tr><td>{@code parse.missing_field.<name>}</td><td>a required field missing ({@code ts} of app logs)</td></tr>
 *   <tr><td>{@code parse.type.<name>}</td><td>a field of the wrong type (an app log latency that is no
 *       number)</td></tr>
 * </table>
 *
 * Lines are Java strings: undecodable bytes are the caller's to reject ({@code decode.utf8}) before.
 */
package dev.lakehouse.logs.parse;
