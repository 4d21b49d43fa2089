package dev.lakehouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineChartTest {
  private static final List<String> DAYS = List.of("2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19",
      "2026-11-20");

  @Test
  void eachSeriesIsOnePathNamedAfterIt() {
    String svg = Svgs.of(varAgainstPnl(List.of()));
    assertThat(svg).startsWith("<svg ").contains("data-chart=\"var-vs-pnl\"");
    assertThat(Svgs.attributes(svg, "path", "data-series")).containsExactly("VaR", "P&amp;L");
    assertThat(Svgs.texts(svg, "legend")).containsExactly("VaR", "P&L");
  }

  @Test
  void markersAreRingsOnTheLastSeriesAtTheirIndexes() {
    String svg = Svgs.of(varAgainstPnl(List.of(1, 3)));
    assertThat(Svgs.attributes(svg, "circle", "data-marker-index")).containsExactly("1", "3");
    assertThat(Svgs.attributes(svg, "circle", "data-value")).containsExactly("-12500", "-11000");
    assertThat(Svgs.attributes(svg, "circle", "data-label")).containsExactly("2026-11-17", "2026-11-19");
    List<double[]> pnl = points(Svgs.attributes(svg, "path", "d").get(1));
    List<Double> cx = Svgs.numbers(svg, "circle", "cx");
    List<Double> cy = Svgs.numbers(svg, "circle", "cy");
    assertThat(cx.get(0)).isCloseTo(pnl.get(1)[0], within(0.01));
    assertThat(cy.get(0)).isCloseTo(pnl.get(1)[1], within(0.01));
    assertThat(cy.get(1)).isCloseTo(pnl.get(3)[1], within(0.01));
  }

  @Test
  void negativeValuesAreInsideTheAxisWithZeroOnIt() {
    List<Double> ticks = Svgs.ticks(Svgs.of(varAgainstPnl(List.of())));
    assertThat(ticks).contains(0.0);
    assertThat(ticks.get(0)).isLessThanOrEqualTo(-12_500);
    assertThat(ticks.get(ticks.size() - 1)).isGreaterThanOrEqualTo(4_000);
  }

  @Test
  void pointsAreSpreadEvenlyAndHigherValuesAreHigherUp() {
    String svg = Svgs.of(new LineChart("rev", "Revenue", DAYS, List.of(new Series("EUR", List.of(1, 2, 3, 4, 5)))));
    List<double[]> points = points(Svgs.attributes(svg, "path", "d").get(0));
    double dx = points.get(1)[0] - points.get(0)[0];
    double dy = points.get(1)[1] - points.get(0)[1];
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i)[0] - points.get(i - 1)[0]).isCloseTo(dx, within(0.02));
      assertThat(points.get(i)[1] - points.get(i - 1)[1]).isCloseTo(dy, within(0.02));
    }
    assertThat(dy).isNegative();
  }

  @Test
  void missingValuesBreakTheLineAndALonePointIsADot() {
    String svg = Svgs.of(new LineChart("gaps", "Gaps", DAYS,
        List.of(new Series("s", Arrays.asList(1, null, 3, Double.NaN, 5.5)))));
    String path = Svgs.attributes(svg, "path", "d").get(0);
    assertThat(path.chars().filter(c -> c == 'M')).hasSize(3);
    assertThat(path).doesNotContain("L");
    assertThat(Svgs.attributes(svg, "circle", "class")).containsExactly("point", "point", "point");
  }

  @Test
  void onePointIsADotInTheMiddle() {
    String svg = Svgs.of(new LineChart("one", "One", List.of("2026-11-21"),
        List.of(new Series("Revenue", List.of(1234.5)))));
    assertThat(Svgs.numbers(svg, "circle", "cx")).hasSize(1).allSatisfy(cx -> assertThat(cx).isBetween(300.0, 420.0));
    assertThat(svg).contains("<title>Revenue 2026-11-21: 1,234.5</title>");
  }

  @Test
  void markerOnAMissingValueSitsOnZeroWithoutAValue() {
    String svg = Svgs.of(new LineChart("m", "M", List.of("a", "b"),
        List.of(new Series("s", Arrays.asList(-5, null))), List.of(1)));
    assertThat(Svgs.attributes(svg, "circle", "data-marker-index")).containsExactly("1");
    assertThat(Svgs.attributes(svg, "circle", "data-value")).isEmpty();
    String zeroTickY = Svgs.attributes(svg, "text class=\"tick\"", "y").get(Svgs.texts(svg, "tick").indexOf("0"));
    assertThat(Svgs.attributes(svg, "circle class=\"marker\"", "cy")).containsExactly(zeroTickY);
  }

  @Test
  void noSeriesNoPointsOrNoValuesSayNoData() {
    List<LineChart> empty = List.of(
        new LineChart("a", "A", DAYS, List.of()),
        new LineChart("b", "B", List.of(), List.of(new Series("s", List.of()))),
        new LineChart("c", "C", List.of("x", "y"), List.of(new Series("s", Arrays.asList(null, Double.NaN)))));
    assertThat(empty).extracting(Svgs::of)
        .allSatisfy(svg -> assertThat(svg).contains("data-empty=\"true\"", ">No data<").doesNotContain("<path"));
  }

  @Test
  void seriesNeedOneValuePerLabel() {
    assertThatThrownBy(() -> new LineChart("x", "X", DAYS, List.of(new Series("short", List.of(1, 2)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid line chart x: series 'short' has 2 values but there are 5 x labels (give one per label)");
  }

  @Test
  void markersMustBeIndexesOfPoints() {
    assertThatThrownBy(() -> varAgainstPnl(List.of(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid marker index 5 in line chart var-vs-pnl: it has 5 points (indexes 0 to 4)");
  }

  private static LineChart varAgainstPnl(List<Integer> exceptions) {
    return new LineChart("var-vs-pnl", "1-day VaR 99% vs realised P&L", DAYS, List.of(
        new Series("VaR", List.of(-10_000, -10_200, -10_400, -10_600, -10_800)),
        new Series("P&L", List.of(2_500, -12_500, 4_000, -11_000, -300))), exceptions);
  }

  /** The x,y pairs of a path's d attribute. */
  private static List<double[]> points(String d) {
    return Arrays.stream(d.split(" "))
        .map(command -> command.substring(1).split(","))
        .map(xy -> new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])})
        .toList();
  }
}
