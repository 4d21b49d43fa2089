package dev.lakehouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BarChartTest {

  @Test
  void eachBarCarriesItsLabelAndExactValueAndATooltip() {
    String svg = Svgs.of(new BarChart("hits", "Hits", List.of("00", "01", "02"),
        List.of(1L, 2_000_000_000_123L, 0.1), "requests"));
    assertThat(svg).startsWith("<svg ").contains("data-chart=\"hits\"");
    assertThat(Svgs.attributes(svg, "rect", "data-label")).containsExactly("00", "01", "02");
    assertThat(Svgs.attributes(svg, "rect", "data-value")).containsExactly("1", "2000000000123", "0.1");
    assertThat(svg).contains("<title>01: 2,000,000,000,123 requests</title>");
  }

  @Test
  void barHeightsAreProportionalToTheValues() {
    List<Integer> values = List.of(10, 20, 35, 70, 3);
    List<Double> heights = Svgs.numbers(Svgs.of(chart(values)), "rect", "height");
    assertThat(heights).hasSize(values.size());
    for (int i = 0; i < values.size(); i++) {
      assertThat(heights.get(i) / heights.get(3)).isCloseTo(values.get(i) / 70.0, within(0.001));
    }
  }

  @Test
  void ticksAreRoundAndCoverTheTallestBar() {
    String svg = Svgs.of(chart(List.of(41_230, 72_650, 18_000)));
    List<Double> ticks = Svgs.ticks(svg);
    assertThat(ticks).startsWith(0.0).hasSizeBetween(3, 7);
    assertThat(ticks.get(ticks.size() - 1)).isGreaterThanOrEqualTo(72_650).isLessThan(72_650 + 20_000);
    assertThat(ticks).allSatisfy(tick -> assertThat(tick % 20_000).isZero());
    assertThat(Svgs.texts(svg, "tick")).contains("80,000");
  }

  @Test
  void horizontalBarWidthsAreProportionalToTheValues() {
    String svg = Svgs.of(new BarChart("paths", "Paths", List.of("/", "/cart", "/checkout"),
        List.of(500_000, 125_000, 50_000), "requests").horizontal());
    List<Double> widths = Svgs.numbers(svg, "rect", "width");
    assertThat(widths.get(1) / widths.get(0)).isCloseTo(0.25, within(0.001));
    assertThat(widths.get(2) / widths.get(0)).isCloseTo(0.1, within(0.001));
    assertThat(Svgs.numbers(svg, "rect", "x")).containsOnly(Svgs.numbers(svg, "rect", "x").get(0));
  }

  @Test
  void negativeBarsHangBelowTheZeroLine() {
    String svg = Svgs.of(new BarChart("pnl", "P&L", List.of("Mon", "Tue"), List.of(100, -50), "EUR"));
    List<Double> ys = Svgs.numbers(svg, "rect", "y");
    List<Double> heights = Svgs.numbers(svg, "rect", "height");
    double zeroLine = ys.get(0) + heights.get(0);
    assertThat(ys.get(1)).isCloseTo(zeroLine, within(0.01));
    assertThat(heights.get(1) / heights.get(0)).isCloseTo(0.5, within(0.001));
    assertThat(Svgs.attributes(svg, "rect", "fill").get(1)).isEqualTo(Svg.NEGATIVE);
    assertThat(Svgs.ticks(svg)).contains(0.0).anySatisfy(tick -> assertThat(tick).isLessThanOrEqualTo(-50));
  }

  @Test
  void horizontalNegativeBarsExtendLeftOfZero() {
    String svg = Svgs.of(new BarChart("pnl", "P&L", List.of("a", "b"), List.of(40, -40), null).horizontal());
    List<Double> xs = Svgs.numbers(svg, "rect", "x");
    List<Double> widths = Svgs.numbers(svg, "rect", "width");
    assertThat(xs.get(1) + widths.get(1)).isCloseTo(xs.get(0), within(0.01));
    assertThat(widths.get(1)).isCloseTo(widths.get(0), within(0.01));
  }

  @Test
  void allZeroDataDrawsFlatBarsOnAnAxisFromZeroToOne() {
    String svg = Svgs.of(chart(List.of(0, 0, 0)));
    assertThat(Svgs.numbers(svg, "rect", "height")).containsExactly(0.0, 0.0, 0.0);
    assertThat(Svgs.ticks(svg)).startsWith(0.0).endsWith(1.0);
    assertThat(svg).doesNotContain("NaN", "Infinity");
  }

  @Test
  void noLabelsSaysNoData() {
    String svg = Svgs.of(new BarChart("none", "None", List.of(), List.of(), "requests"));
    assertThat(svg).contains("data-chart=\"none\"", "data-empty=\"true\"", ">No data<").doesNotContain("<rect");
  }

  @Test
  void onlyMissingValuesSaysNoData() {
    String svg = Svgs.of(chart(Arrays.asList(null, Double.NaN)));
    assertThat(svg).contains(">No data<").doesNotContain("<rect");
  }

  @Test
  void missingValuesGetNoBarButKeepTheirSlot() {
    String svg = Svgs.of(new BarChart("gaps", "Gaps", List.of("a", "b", "c", "d"),
        Arrays.asList(5, null, Double.NaN, 7.5), null));
    assertThat(Svgs.attributes(svg, "rect", "data-label")).containsExactly("a", "d");
    assertThat(Svgs.attributes(svg, "rect", "data-value")).containsExactly("5", "7.5");
    assertThat(Svgs.texts(svg, "label")).containsExactly("a", "b", "c", "d");
  }

  @Test
  void longLabelsAreCutOnScreenButKeptWholeInTheData() {
    String path = "/products/" + "very-long-segment/".repeat(20) + "page?id=1";
    String svg = Svgs.of(new BarChart("paths", "Paths", List.of(path, "/"), List.of(3, 9), null).horizontal());
    assertThat(Svgs.attributes(svg, "rect", "data-label")).containsExactly(path, "/");
    assertThat(Svgs.texts(svg, "label").get(0)).endsWith("…").hasSizeLessThan(path.length());
    assertThat(svg).contains("<title>" + path + "</title>");
  }

  @Test
  void manyColumnsLabelOnlyEveryFewSoLabelsDoNotOverlap() {
    List<String> days = IntStream.range(0, 365).mapToObj(day -> "day " + day).toList();
    String svg = Svgs.of(new BarChart("days", "Days", days, Collections.nCopies(365, 1), null));
    assertThat(Svgs.attributes(svg, "rect", "data-label")).hasSize(365);
    assertThat(Svgs.texts(svg, "label")).hasSizeBetween(5, 60).startsWith("day 0");
  }

  @Test
  void labelsAndValuesMustPairUp() {
    assertThatThrownBy(() -> new BarChart("x", "X", List.of("a", "b"), List.of(1, 2, 3), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid bar chart x: 2 labels but 3 values (give one value per label)");
  }

  @Test
  void horizontalKeepsEverythingElse() {
    BarChart vertical = chart(List.of(1, 2));
    assertThat(vertical.orientation()).isEqualTo(BarChart.Orientation.VERTICAL);
    assertThat(vertical.horizontal()).isEqualTo(new BarChart(vertical.id(), vertical.title(), vertical.labels(),
        vertical.values(), vertical.unit(), BarChart.Orientation.HORIZONTAL));
  }

  private static BarChart chart(List<? extends Number> values) {
    List<String> labels = IntStream.range(0, values.size()).mapToObj(i -> String.format("%02d", i)).toList();
    return new BarChart("chart", "Chart", labels, values, "requests");
  }
}
