package dev.lakehouse.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class ValueConverterTest {
  @Test
  void textBecomesTheColumnTypeOrAnErrorNamingIt() {
    assertThat(ValueConverter.convert(" 42 ", DataTypes.LongType)).isEqualTo(42L);
    assertThat(ValueConverter.convert("12.0", DataTypes.IntegerType)).isEqualTo(12);
    assertThat(ValueConverter.convert("1e3", DataTypes.DoubleType)).isEqualTo(1000.0);
    assertThat(ValueConverter.convert("Yes", DataTypes.BooleanType)).isEqualTo(true);
    assertThat(ValueConverter.convert("2025-01-02", DataTypes.DateType)).isEqualTo(Date.valueOf("2025-01-02"));
    assertThat(ValueConverter.convert("2025-01-02 10:00:00", DataTypes.TimestampType))
        .isEqualTo(Timestamp.from(Instant.parse("2025-01-02T10:00:00Z")));
    assertThat(ValueConverter.convert("2025-01-02T11:00:00+01:00", DataTypes.TimestampType))
        .isEqualTo(Timestamp.from(Instant.parse("2025-01-02T10:00:00Z")));
    assertThat(ValueConverter.convert("1735812000", DataTypes.TimestampType))
        .isEqualTo(Timestamp.from(Instant.parse("2025-01-02T10:00:00Z")));
    assertThat(ValueConverter.convert("", DataTypes.LongType)).isNull();
    assertThatThrownBy(() -> ValueConverter.convert("12.5", DataTypes.LongType)).hasMessage("must be a whole number (BIGINT)");
    assertThatThrownBy(() -> ValueConverter.convert("abc", DataTypes.DoubleType)).hasMessage("must be a number (DOUBLE)");
    assertThatThrownBy(() -> ValueConverter.convert("NaN", DataTypes.DoubleType)).hasMessage("must be a number (DOUBLE)");
    assertThatThrownBy(() -> ValueConverter.convert("02/01/2025", DataTypes.DateType)).hasMessage("must be a date YYYY-MM-DD (DATE)");
    assertThatThrownBy(() -> ValueConverter.convert("maybe", DataTypes.BooleanType)).hasMessage("must be true or false (BOOLEAN)");
    assertThatThrownBy(() -> ValueConverter.convert("3000000000", DataTypes.IntegerType)).hasMessage("must be a whole number (INT)");
  }

  @Test
  void jsonAndParquetValuesKeepTheirMeaning() {
    assertThat(ValueConverter.convert(new BigDecimal("400.25"), DataTypes.DoubleType)).isEqualTo(400.25);
    assertThat(ValueConverter.convert(7, DataTypes.LongType)).isEqualTo(7L);
    assertThat(ValueConverter.convert(7.0, DataTypes.StringType)).isEqualTo("7");
    assertThat(ValueConverter.convert(true, DataTypes.StringType)).isEqualTo("true");
    assertThatThrownBy(() -> ValueConverter.convert(new BigDecimal("7.5"), DataTypes.LongType))
        .hasMessage("must be a whole number (BIGINT)");
    assertThatThrownBy(() -> ValueConverter.convert(true, DataTypes.DoubleType)).hasMessage("must be a number (DOUBLE)");
  }
}
