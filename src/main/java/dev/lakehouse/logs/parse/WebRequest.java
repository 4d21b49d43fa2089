package dev.lakehouse.logs.parse;

import java.io.Serializable;
import java.time.Instant;

/**
 * One line of a web server access log: one request and its response.
 *
 * @param vhost the virtual host ({@code %v}) without the port of {@code %v:%p}; null when the format has none
 * @param ip the client address ({@code %h}, {@code $remote_addr}) as logged: IPv4, IPv6, or a host name when
 *     the server resolved it
 * @param isIpv6 whether {@code ip} is an IPv6 address (including IPv4-mapped ones like {@code ::ffff:192.0.2.1})
 * @param identity the identd answer ({@code %l}); null for {@code -}, as nearly always
 * @param user the authenticated user ({@code %u}, {@code $remote_user}); null for {@code -}
 * @param requestAt when the request was received, converted to UTC
 * @param method the HTTP method as sent (unknown methods kept); null when the request line is no request
 * @param path the request target up to the first {@code ?}, percent-encoding kept; null like {@code method}
 * @param query what follows the first {@code ?}, without it; null when there is no {@code ?}
 * @param protocol e.g. {@code HTTP/1.1}; null when the request line has none (HTTP/0.9 or garbage)
 * @param status the HTTP status, 100 to 599
 * @param bytes response bytes ({@code %b}, {@code %O}, {@code $body_bytes_sent}); null for {@code -}
 * @param referrer the Referer header; null for {@code -}
 * @param userAgent the User-Agent header; null for {@code -} and in the common formats, which have none
 * @param responseTimeUs time taken in microseconds, when a number follows the standard fields: one with a
 *     decimal point is seconds (nginx {@code $request_time}, {@code 0.123}), an integer is microseconds
 *     (Apache {@code %D}); null otherwise
 * @param rawRequest the request line between the quotes, with {@code \"} and {@code \\} unescaped; {@code -}
 *     when the server logged none, and TLS handshakes or scanner noise as logged
 */
public record WebRequest(String vhost, String ip, boolean isIpv6, String identity, String user, Instant requestAt,
    String method, String path, String query, String protocol, int status, Long bytes, String referrer,
    String userAgent, Long responseTimeUs, String rawRequest) implements Serializable {}
