package dev.lakehouse.logs.parse;

import java.io.Serializable;
import java.time.Instant;

/**
 * One syslog message, RFC 3164 (BSD) or RFC 5424.
 *
 * <p>RFC 5424 structured data ({@code [exampleSDID@32473 iut="3" ...]}) is kept out of {@code message}
 * and not kept here: the message is the free text after it.
 *
 * @param loggedAt when the message was logged, in UTC; RFC 3164 times have no zone and are taken as UTC in
 *     the year the caller gives; null for an RFC 5424 nil ({@code -}) timestamp
 * @param host the HOSTNAME field; null when missing or {@code -}
 * @param facility 0 (kern) to 23 (local7); null when the line has no {@code <PRI>}
 * @param severity 0 (emerg) to 7 (debug); null when the line has no {@code <PRI>}
 * @param severityName emerg, alert, crit, err, warning, notice, info or debug; null without {@code <PRI>}
 * @param program the TAG of RFC 3164 (e.g. {@code sshd}) or APP-NAME of RFC 5424; null when missing or {@code -}
 * @param pid the process id ({@code sshd[4321]}, RFC 5424 PROCID) when it is a number, else null
 * @param messageId the RFC 5424 MSGID; null for {@code -} and in RFC 3164
 * @param message the free text, with a leading UTF-8 byte order mark removed; null when RFC 5424 has none
 * @param format {@link LogFormat#SYSLOG_3164} or {@link LogFormat#SYSLOG_5424}, whichever the line is
 */
public record SyslogEvent(Instant loggedAt, String host, Integer facility, Integer severity, String severityName,
    String program, Integer pid, String messageId, String message, LogFormat format) implements Serializable {}
