package dev.lakehouse.finance.fraud;

import java.time.Duration;

/**
 * The reason codes {@link FraudRules} reports, one per rule. They are stable strings: alerts, the
 * scored-payments table and the ML features refer to them by name.
 */
public final class ReasonCodes {
  /** The amount is over the limit for its currency. */
  public static final String AMOUNT_OVER_LIMIT = "AMOUNT_OVER_LIMIT";
  /** Paid in the night window (23:00-05:00 by default) of the customer's own time zone. */
  public static final String UNUSUAL_HOUR = "UNUSUAL_HOUR";
  /** The default short velocity window: at least 5 payments within one minute. */
  public static final String VELOCITY_1M = "VELOCITY_1M";
  /** The default long velocity window: at least 10 payments within ten minutes. */
  public static final String VELOCITY_10M = "VELOCITY_10M";
  /** Card testing: several tiny payments within a short window. */
  public static final String SMALL_AMOUNT_BURST = "SMALL_AMOUNT_BURST";
  /** The log amount is far above the card's own history (a z-score). */
  public static final String AMOUNT_ABOVE_HISTORY = "AMOUNT_ABOVE_HISTORY";
  /** No one gets from the card's last card-present place to this one in the time between them. */
  public static final String IMPOSSIBLE_TRAVEL = "IMPOSSIBLE_TRAVEL";
  /** A device the card has not used recently, on a card with history. */
  public static final String NEW_DEVICE = "NEW_DEVICE";
  /** A merchant category the card has not used recently, on a card with history. */
  public static final String NEW_MERCHANT_CATEGORY = "NEW_MERCHANT_CATEGORY";

  private static final long SECONDS_PER_MINUTE = 60;
  private static final long SECONDS_PER_HOUR = 3600;

  private ReasonCodes() {}

  /** {@code VELOCITY_} and the window in its largest whole unit: 1 minute is VELOCITY_1M, 90 s VELOCITY_90S. */
  public static String velocity(Duration window) {
    long seconds = window.toSeconds();
    if (seconds % SECONDS_PER_HOUR == 0) {
      return "VELOCITY_" + seconds / SECONDS_PER_HOUR + "H";
    }
    if (seconds % SECONDS_PER_MINUTE == 0) {
      return "VELOCITY_" + seconds / SECONDS_PER_MINUTE + "M";
    }
    return "VELOCITY_" + seconds + "S";
  }
}
