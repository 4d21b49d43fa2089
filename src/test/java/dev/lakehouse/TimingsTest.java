package dev.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimingsTest {

  @BeforeEach
  void requestTheReport() {
    Timings.request();
    Timings.clear();
  }

  @Test
  void nestedStepsAreIndentedUnderTheStepTheyRanIn() {
    String result = Timings.time("outer step", () -> Timings.time("inner step", () -> "done"));

    String printed = printed();
    assertThat(result).isEqualTo("done");
    assertThat(printed).containsPattern("\\d+\\.\\d\\d\\s+\\d+\\.\\d\\d  outer step\\n")
        .containsPattern("\\d+\\.\\d\\d\\s+\\d+\\.\\d\\d    inner step\\n")
        .containsPattern("\\d+\\.\\d\\d  total ");
    assertThat(printed.indexOf("outer step")).isLessThan(printed.indexOf("inner step"));
  }

  @Test
  void aStepThatFailsIsRecordedAndItsFailurePassesThrough() {
    assertThatThrownBy(() -> Timings.time("failing step", (Runnable) () -> {
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(Timings.steps()).anySatisfy(step -> {
      assertThat(step.name()).isEqualTo("failing step");
      assertThat(step.seconds()).isGreaterThanOrEqualTo(0);
    });
    assertThat(printed()).contains("failing step");
  }

  private static String printed() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Timings.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}
