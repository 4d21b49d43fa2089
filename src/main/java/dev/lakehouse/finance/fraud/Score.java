package dev.lakehouse.finance.fraud;

import java.io.Serializable;
import java.util.List;

/**
 * The verdict on one payment: a score in [0, 1], the reason codes of the rules that fired (in rule
 * order, see {@link FraudRules}), and the card state to keep for the card's next payment.
 */
public record Score(double score, List<String> reasonCodes, CardState next) implements Serializable {

  public Score {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException(String.format("Invalid score %s: must be in [0, 1]", score));
    }
    reasonCodes = List.copyOf(reasonCodes);
    if (next == null) {
      throw new IllegalArgumentException("Invalid score without next card state: pass CardState.empty() at least");
    }
  }

  /**
   * {@code 1 - Π(1 - w_i)} over the weights of the rules that fired; 0 when none did.
   *
   * <p>Read each weight as the chance that its signal alone means fraud, and the signals as
   * independent: the score is then the chance that at least one of them does. Unlike a capped sum it
   * stays in [0, 1] without clipping, a strong rule is never diluted by weak ones, every further
   * rule raises the score but by less the higher it already is, and the order of the rules does not
   * matter. A weight of 1 makes the score 1; a weight of 0 reports a reason without moving the score.
   */
  public static double combine(double... weights) {
    double remaining = 1;
    for (double weight : weights) {
      remaining *= 1 - weight;
    }
    return 1 - remaining;
  }
}
