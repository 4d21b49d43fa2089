package dev.lakehouse.finance.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreTest {
  private static final double TIGHT = 1e-12;

  @Test
  void noRuleFiredScoresZero() {
    assertThat(Score.combine()).isEqualTo(0.0);
  }

  @Test
  void oneRuleScoresItsWeight() {
    assertThat(Score.combine(0.35)).isCloseTo(0.35, within(TIGHT));
  }

  @Test
  void twoHalvesMakeThreeQuarters() {
    // 1 - 0.5 * 0.5
    assertThat(Score.combine(0.5, 0.5)).isCloseTo(0.75, within(TIGHT));
  }

  @Test
  void largeAmountAtNightAboveHistory() {
    // AMOUNT_OVER_LIMIT 0.35, UNUSUAL_HOUR 0.15, AMOUNT_ABOVE_HISTORY 0.4: 1 - 0.65 * 0.85 * 0.6 = 0.6685
    assertThat(Score.combine(0.35, 0.15, 0.4)).isCloseTo(0.6685, within(TIGHT));
  }

  @Test
  void orderDoesNotMatter() {
    assertThat(Score.combine(0.6, 0.35, 0.3)).isCloseTo(Score.combine(0.3, 0.6, 0.35), within(TIGHT));
  }

  @Test
  void weightOneIsCertainAndZeroChangesNothing() {
    assertThat(Score.combine(1.0, 0.2)).isEqualTo(1.0);
    assertThat(Score.combine(0.0, 0.2)).isCloseTo(0.2, within(TIGHT));
  }

  @Test
  void rulesReportTheCombinedScoreOfWhatFired() {
    // AMOUNT_OVER_LIMIT (0.35) and UNUSUAL_HOUR (0.15) on a new card: 1 - 0.65 * 0.85 = 0.4475
    Payment lateAndLarge = Payments.payment().at(Payments.MONDAY_NOON.withHour(23)).amountCents(250_000).build();

    Score score = FraudRules.withDefaults().evaluate(CardState.empty(), lateAndLarge);

    assertThat(score.reasonCodes()).containsExactly(ReasonCodes.AMOUNT_OVER_LIMIT, ReasonCodes.UNUSUAL_HOUR);
    assertThat(score.score()).isCloseTo(0.4475, within(TIGHT));
  }

  @Test
  void nullStateIsANewCard() {
    Payment payment = Payments.payment().build();

    Score score = FraudRules.withDefaults().evaluate(null, payment);

    assertThat(score.reasonCodes()).isEmpty();
    assertThat(score.next().payments()).isEqualTo(1);
  }

  @Test
  void scoreOutsideTheUnitIntervalIsRejected() {
    assertThatThrownBy(() -> new Score(1.2, List.of(), CardState.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid score 1.2: must be in [0, 1]");
  }
}
