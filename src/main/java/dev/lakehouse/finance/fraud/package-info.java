/**
 * Streaming fraud scoring of card payments by rules with weights and reason codes, in plain Java: the
 * library a Spark job calls from {@code flatMapGroupsWithState}, keyed by card.
 *
 * <p>Pieces: {@link dev.lakehouse.finance.fraud.Payment} (one payment as the rules see it),
 * {@link dev.lakehouse.finance.fraud.CardState} (what a card's history leaves behind; bounded,
 * immutable, serializable), {@link dev.lakehouse.finance.fraud.RuleConfig} (thresholds and weights,
 * validated), {@link dev.lakehouse.finance.fraud.FraudRules#evaluate} (the pure function
 * {@code (state, payment) -> (score, reasons, next state)}), {@link dev.lakehouse.finance.fraud.Score}
 * and {@link dev.lakehouse.finance.fraud.ReasonCodes}.
 *
 * <p>Conventions, everywhere in this package:
 * <ul>
 *   <li>Times are event times ({@code paid_at}), never the clock; windows slide on event time and
 *       are half-open, {@code (t - window, t]}.
 *   <li>Amounts are {@code long} minor units of the payment's currency ({@code amount_cents}).
 *   <li>The unusual hour is judged in the customer's own zone, which the job passes in
 *       {@link dev.lakehouse.finance.fraud.Payment#customerZone()}; {@code finance.payments} records
 *       carry the customer's home country ({@code customer_country}), which the job maps to a zone
 *       with {@link dev.lakehouse.finance.fraud.HomeZones} (the merchant's country when it is missing).
 *   <li>Scores are in [0, 1]; reason codes come in rule order.
 * </ul>
 *
 * <p>How a job uses it, per micro-batch and card:
 * <pre>{@code
 * FraudRules rules = new FraudRules(config);          // Serializable, safe to capture
 * CardState state = groupState.exists() ? groupState.get() : CardState.empty();
 * for (Payment payment : paymentsSortedByPaidAt) {
 *   Score score = rules.evaluate(state, payment);
 *   out.add(scoredRow(payment, score.score(), score.reasonCodes()));
 *   state = score.next();
 * }
 * groupState.update(state);                           // Encoders.javaSerialization(CardState.class)
 * }</pre>
 * Each card's state is bounded; to bound the number of cards in the state store as well, the job
 * should time out cards that have been idle for long (say 90 days) and drop their state.
 */
package dev.lakehouse.finance.fraud;
