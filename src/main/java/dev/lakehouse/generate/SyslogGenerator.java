package dev.lakehouse.generate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Host logs, the value of {@code logs.syslog} (no key): about 70% RFC 3164 lines and 30% RFC 5424
 * lines from sshd, cron, kernel, nginx, systemd and sudo. Most failed SSH logins come from a few
 * persistent brute-forcing addresses.
 */
final class SyslogGenerator {
  private static final int KERN = 0;
  private static final int AUTH = 4;
  private static final int DAEMON = 3;
  private static final int AUTHPRIV = 10;
  private static final int CRON = 9;
  private static final int LOCAL7 = 23;
  private static final String[] HOSTS = {
      "web-01", "web-02", "web-03", "web-04", "app-01", "app-02", "app-03", "db-01", "db-02", "lb-01"};
  private static final String[] WEB_HOSTS = {"web-01", "web-02", "web-03", "web-04", "lb-01"};
  private static final String[] PROGRAMS = {"sshd", "cron", "kernel", "nginx", "systemd", "sudo"};
  private static final WeightedChoice PROGRAM = WeightedChoice.of(0.30, 0.20, 0.08, 0.12, 0.22, 0.08);
  private static final String[] BRUTE_FORCERS = {"45.155.205.233", "218.92.0.112", "61.177.172.160"};
  private static final String[] GUESSED_USERS = {
      "admin", "root", "test", "oracle", "ubuntu", "pi", "postgres", "git", "user", "guest"};
  private static final String[] CRON_COMMANDS = {
      "(root) CMD (/usr/lib/php/sessionclean)",
      "(www-data) CMD (php /var/www/shop/bin/console cache:prune)",
      "(root) CMD (test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily ))",
      "(postgres) CMD (/usr/local/bin/backup-wal.sh > /dev/null 2>&1)"};
  private static final String[] SYSTEMD_INFO = {
      "Starting Daily apt upgrade and clean activities...", "Finished Daily apt upgrade and clean activities.",
      "logrotate.service: Deactivated successfully.", "nginx.service: Reloaded.",
      "Started Cleanup of Temporary Directories.", "Started Session 4242 of User deploy."};

  /** One message before framing: who sent it, how severe, and the text. Pid -1 means none. */
  private record Message(String program, int facility, int severity, int pid, String msgId, String text) {}

  private final SplittableRandom random;
  private final TimeFormats time;
  private final StringBuilder line = new StringBuilder(300);

  SyslogGenerator(SplittableRandom random, TimeFormats time) {
    this.random = random;
    this.time = time;
  }

  GeneratedRecord line(long atMs) {
    Message message = message(PROGRAMS[PROGRAM.pick(random)]);
    String host = message.program().equals("nginx") ? Sampling.oneOf(random, WEB_HOSTS) : Sampling.oneOf(random, HOSTS);
    line.setLength(0);
    if (Sampling.chance(random, 0.3)) {
      rfc5424(message, host, atMs);
    } else {
      rfc3164(message, host, atMs);
    }
    return new GeneratedRecord(Topics.LOGS_SYSLOG, null, line.toString().getBytes(StandardCharsets.UTF_8), atMs);
  }

  // <34>Nov 21 10:15:30 web-01 sshd[4321]: message
  private void rfc3164(Message message, String host, long atMs) {
    line.append('<').append(message.facility() * 8 + message.severity()).append('>');
    time.appendBsd(line, atMs);
    line.append(' ').append(host).append(' ').append(message.program());
    if (message.pid() >= 0) {
      line.append('[').append(message.pid()).append(']');
    }
    line.append(": ").append(message.text());
  }

  // <165>1 2026-11-21T10:15:30.123Z web-02 nginx 2211 ID47 - message
  private void rfc5424(Message message, String host, long atMs) {
    line.append('<').append(message.facility() * 8 + message.severity()).append(">1 ");
    time.appendIso(line, atMs);
    line.append(' ').append(host).append(' ').append(message.program()).append(' ')
        .append(message.pid() >= 0 ? Integer.toString(message.pid()) : "-").append(' ')
        .append(message.msgId()).append(" - ").append(message.text());
  }

  private Message message(String program) {
    switch (program) {
      case "sshd":
        return sshd();
      case "cron":
        return new Message(program, CRON, 6, pid(), "CMD", Sampling.oneOf(random, CRON_COMMANDS));
      case "kernel":
        return kernel();
      case "nginx":
        return nginx();
      case "systemd":
        return systemd();
      default:
        return sudo();
    }
  }

  private Message sshd() {
    double draw = random.nextDouble();
    if (draw < 0.55) {
      return new Message("sshd", AUTH, 4, pid(), "AUTHFAIL", failedPassword());
    }
    if (draw < 0.75) {
      return new Message("sshd", AUTH, 6, pid(), "AUTH", "Accepted publickey for deploy from 10.0."
          + random.nextInt(8) + "." + Sampling.between(random, 2, 250) + " port " + port() + " ssh2: ED25519 SHA256:"
          + "q8Jx3mT0vWl1eY7s2KpR9cZb4NfHd6GaUo5iLwEjXyA");
    }
    if (draw < 0.90) {
      return new Message("sshd", AUTH, 6, pid(), "-", "Connection closed by authenticating user "
          + Sampling.oneOf(random, GUESSED_USERS) + " " + attacker() + " port " + port() + " [preauth]");
    }
    return new Message("sshd", AUTHPRIV, 6, pid(), "-",
        "pam_unix(sshd:session): session opened for user deploy(uid=1001) by (uid=0)");
  }

  private String failedPassword() {
    String user = Sampling.oneOf(random, GUESSED_USERS);
    String who = user.equals("root") ? "root" : "invalid user " + user;
    return "Failed password for " + who + " from " + attacker() + " port " + port() + " ssh2";
  }

  // persistent brute-forcers, plus background noise from everywhere
  private String attacker() {
    return Sampling.chance(random, 0.6) ? Sampling.oneOf(random, BRUTE_FORCERS) : IpPool.ipv4(random);
  }

  private Message kernel() {
    switch (random.nextInt(5)) {
      case 0:
        return kernel(4, "TCP: request_sock_TCP: Possible SYN flooding on port 443. Sending cookies.");
      case 1:
        return kernel(3, "Out of memory: Killed process " + pid() + " (java) total-vm:8123456kB, anon-rss:4012345kB");
      case 2:
        return kernel(6, "EXT4-fs (nvme0n1p1): re-mounted. Opts: errors=remount-ro");
      case 3:
        return kernel(6, "eth0: Link is Up - 10Gbps/Full - flow control off");
      default:
        return kernel(4, "[UFW BLOCK] IN=eth0 OUT= SRC=" + IpPool.ipv4(random) + " DST=10.0.1.10 PROTO=TCP SPT="
            + port() + " DPT=22");
    }
  }

  // the kernel has no pid and prefixes its uptime in seconds
  private Message kernel(int severity, String text) {
    String uptime = Sampling.between(random, 1000, 999_999) + "." + Sampling.between(random, 100_000, 999_999);
    return new Message("kernel", KERN, severity, -1, "-", "[" + uptime + "] " + text);
  }

  private Message nginx() {
    double draw = random.nextDouble();
    if (draw < 0.6) {
      return new Message("nginx", LOCAL7, 3, 2211, "ERROR", "[error] 2211#2211: *" + random.nextInt(100_000)
          + " upstream timed out (110: Connection timed out) while reading response header from upstream, client: "
          + IpPool.ipv4(random) + ", server: shop.example, request: \"GET /api/cart HTTP/1.1\"");
    }
    if (draw < 0.9) {
      return new Message("nginx", LOCAL7, 4, 2211, "WARN", "[warn] 2211#2211: *" + random.nextInt(100_000)
          + " an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/4/01/0000000014");
    }
    return new Message("nginx", DAEMON, 5, 2211, "-", "[notice] 2211#2211: signal process started");
  }

  private Message systemd() {
    double draw = random.nextDouble();
    if (draw < 0.9) {
      return new Message("systemd", DAEMON, 6, 1, "-", Sampling.oneOf(random, SYSTEMD_INFO));
    }
    return draw < 0.95
        ? new Message("systemd", DAEMON, 3, 1, "UNIT",
            "shop-worker.service: Main process exited, code=exited, status=1/FAILURE")
        : new Message("systemd", DAEMON, 5, 1, "UNIT",
            "shop-worker.service: Scheduled restart job, restart counter is at 3.");
  }

  private Message sudo() {
    double draw = random.nextDouble();
    if (draw < 0.6) {
      return new Message("sudo", AUTHPRIV, 5, pid(), "CMD",
          "deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx");
    }
    return draw < 0.95
        ? new Message("sudo", AUTHPRIV, 6, pid(), "-",
            "pam_unix(sudo:session): session opened for user root(uid=0) by deploy(uid=1001)")
        : new Message("sudo", AUTHPRIV, 1, pid(), "AUTHFAIL",
            "alice : 3 incorrect password attempts ; TTY=pts/1 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash");
  }

  private int pid() {
    return Sampling.between(random, 300, 65_000);
  }

  private int port() {
    return Sampling.between(random, 32_768, 60_999);
  }
}
