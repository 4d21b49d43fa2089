package dev.lakehouse.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A linear value axis with round ticks: it always includes zero (bars start there, and a P&amp;L line is read
 * against it) and steps by 1, 2, 2.5 or 5 times a power of ten, about five intervals from the lowest tick to the
 * highest. All-zero data gets the axis 0 to 1.
 */
final class Scale {
  /** About how many intervals the axis has; the round step makes it 3 to 6. */
  private static final int TARGET_INTERVALS = 5;
  private static final String[] ROUND_MANTISSAS = {"1", "2", "2.5", "5", "10"};
  /** Absorbs floating-point noise when aligning the data range to whole steps. */
  private static final double EPSILON = 1e-9;

  private final BigDecimal step;
  private final List<BigDecimal> ticks;

  private Scale(BigDecimal step, List<BigDecimal> ticks) {
    this.step = step;
    this.ticks = List.copyOf(ticks);
  }

  /** The axis for data from {@code dataMin} to {@code dataMax} (finite numbers, in either order). */
  static Scale covering(double dataMin, double dataMax) {
    double low = Math.min(0, Math.min(dataMin, dataMax));
    double high = Math.max(0, Math.max(dataMin, dataMax));
    if (high == low) {
      high = low + 1;
    }
    BigDecimal step = roundStep((high - low) / TARGET_INTERVALS);
    long first = (long) Math.floor(low / step.doubleValue() + EPSILON);
    long last = (long) Math.ceil(high / step.doubleValue() - EPSILON);
    List<BigDecimal> ticks = new ArrayList<>();
    for (long k = first; k <= last; k++) {
      ticks.add(step.multiply(BigDecimal.valueOf(k)));
    }
    return new Scale(step, ticks);
  }

  /** The axis for the values that are present (see {@link Numbers#isMissing}); there must be at least one. */
  static Scale covering(List<? extends Number> values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Number value : values) {
      if (!Numbers.isMissing(value)) {
        min = Math.min(min, value.doubleValue());
        max = Math.max(max, value.doubleValue());
      }
    }
    if (min > max) {
      throw new IllegalArgumentException("Cannot scale an axis to no values: all are null, NaN or infinite");
    }
    return covering(min, max);
  }

  double min() {
    return ticks.get(0).doubleValue();
  }

  double max() {
    return ticks.get(ticks.size() - 1).doubleValue();
  }

  double step() {
    return step.doubleValue();
  }

  List<Double> ticks() {
    return ticks.stream().map(BigDecimal::doubleValue).collect(Collectors.toUnmodifiableList());
  }

  /** Tick labels with separators and as many decimals as the step has: {@code 0.25, 0.50, 0.75}. */
  List<String> tickLabels() {
    int decimals = Math.max(0, step.stripTrailingZeros().scale());
    return ticks.stream().map(tick -> Numbers.display(tick, decimals)).collect(Collectors.toUnmodifiableList());
  }

  /** Where a value falls on a screen axis that runs from {@code from} (at {@link #min}) to {@code to}. */
  double position(double value, double from, double to) {
    return from + (value - min()) / (max() - min()) * (to - from);
  }

  private static BigDecimal roundStep(double rawStep) {
    int exponent = (int) Math.floor(Math.log10(rawStep));
    double mantissa = rawStep / Math.pow(10, exponent);
    for (String round : ROUND_MANTISSAS) {
      if (Double.parseDouble(round) >= mantissa - EPSILON) {
        return new BigDecimal(round).scaleByPowerOfTen(exponent).stripTrailingZeros();
      }
    }
    return BigDecimal.TEN.scaleByPowerOfTen(exponent);
  }
}
