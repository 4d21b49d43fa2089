package dev.lakehouse.generate;

import java.util.SplittableRandom;

/**
 * Chooses the topic of the next diurnal record so that each topic gets its share of the records.
 * An order writes several lines at once, so orders are drawn less often in proportion; prices are
 * not drawn at all (they tick on a schedule). During a revenue spike orders come three times as often.
 */
final class TopicMix {
  private static final Topic[] DRAWN = {
      Topic.COMMERCE_EVENTS, Topic.COMMERCE_ORDERS, Topic.COMMERCE_INVENTORY, Topic.LOGS_ACCESS,
      Topic.LOGS_SYSLOG, Topic.LOGS_APP, Topic.FINANCE_PAYMENTS};
  private static final double SPIKE_ORDER_FACTOR = 3;

  private final AnomalyPlan plan;
  private final WeightedChoice usual = choice(1);
  private final WeightedChoice spike = choice(SPIKE_ORDER_FACTOR);

  TopicMix(AnomalyPlan plan) {
    this.plan = plan;
  }

  Topic draw(SplittableRandom random, long atMs) {
    WeightedChoice choice = plan.revenueSpikesAt(atMs) ? spike : usual;
    return DRAWN[choice.pick(random)];
  }

  private static WeightedChoice choice(double orderFactor) {
    double[] weights = new double[DRAWN.length];
    for (int i = 0; i < DRAWN.length; i++) {
      weights[i] = DRAWN[i].share;
    }
    weights[1] *= orderFactor / OrderGenerator.MEAN_LINES_PER_ORDER;
    return WeightedChoice.of(weights);
  }
}
