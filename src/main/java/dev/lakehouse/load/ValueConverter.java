package dev.lakehouse.load;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * A value read from a file (text from CSV, a JSON scalar, a Parquet value) as the Spark value of a
 * column type, strictly: text that is not exactly a value of the type is an error naming the type,
 * never a silent null or a truncated number. Empty text is no value (null).
 *
 * <ul>
 *   <li>whole numbers (INT, BIGINT): digits with an optional sign; 12.0 is accepted, 12.5 is not;
 *   <li>DOUBLE: a decimal or scientific number, finite;
 *   <li>BOOLEAN: true/false, yes/no, 1/0, any case;
 *   <li>DATE: YYYY-MM-DD;
 *   <li>TIMESTAMP: ISO 8601 with an offset (2025-01-02T10:00:00Z), or without one (taken as UTC, a
 *       space or T between date and time), or whole epoch seconds.
 * </ul>
 */
final class ValueConverter {
  private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "t");
  private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "f");

  private ValueConverter() {}

  /** The value as {@code type}; throws {@link IllegalArgumentException} with "must be ..." when it is not one. */
  static Object convert(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      String trimmed = text.strip();
      return trimmed.isEmpty() ? null : fromText(trimmed, type);
    }
    if (type.equals(DataTypes.StringType)) {
      return value instanceof Number || value instanceof Boolean ? plain(value) : value.toString();
    }
    if (value instanceof Number number) {
      return fromNumber(number, type);
    }
    if (value instanceof Boolean) {
      if (type.equals(DataTypes.BooleanType)) {
        return value;
      }
      throw new IllegalArgumentException(mustBe(type));
    }
    if (value instanceof Date date && type.equals(DataTypes.DateType)) {
      return date;
    }
    if (value instanceof LocalDate date && type.equals(DataTypes.DateType)) {
      return Date.valueOf(date);
    }
    if (value instanceof Timestamp timestamp && type.equals(DataTypes.TimestampType)) {
      return timestamp;
    }
    if (value instanceof Instant instant && type.equals(DataTypes.TimestampType)) {
      return Timestamp.from(instant);
    }
    return fromText(value.toString(), type);
  }

  /** What a type expects, in words: "must be a number (DOUBLE)". */
  static String mustBe(DataType type) {
    if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType)) {
      return "must be a whole number (" + type.sql() + ")";
    }
    if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType) || type instanceof DecimalType) {
      return "must be a number (" + type.sql() + ")";
    }
    if (type.equals(DataTypes.BooleanType)) {
      return "must be true or false (BOOLEAN)";
    }
    if (type.equals(DataTypes.DateType)) {
      return "must be a date YYYY-MM-DD (DATE)";
    }
    if (type.equals(DataTypes.TimestampType)) {
      return "must be a timestamp such as 2025-01-02T10:00:00Z, 2025-01-02 10:00:00 (UTC) or epoch seconds (TIMESTAMP)";
    }
    return "must be a " + type.sql();
  }

  /** Whether files can give a column of this type. */
  static boolean supports(DataType type) {
    return type.equals(DataTypes.StringType) || type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType)
        || type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType) || type.equals(DataTypes.BooleanType)
        || type.equals(DataTypes.DateType) || type.equals(DataTypes.TimestampType) || type instanceof DecimalType;
  }

  private static Object fromText(String text, DataType type) {
    try {
      if (type.equals(DataTypes.StringType)) {
        return text;
      }
      if (type.equals(DataTypes.IntegerType)) {
        return Math.toIntExact(wholeNumber(text));
      }
      if (type.equals(DataTypes.LongType)) {
        return wholeNumber(text);
      }
      if (type.equals(DataTypes.DoubleType)) {
        return finite(Double.parseDouble(text));
      }
      if (type.equals(DataTypes.FloatType)) {
        return (float) finite(Float.parseFloat(text));
      }
      if (type instanceof DecimalType decimal) {
        return checkedDecimal(new BigDecimal(text), decimal);
      }
      if (type.equals(DataTypes.BooleanType)) {
        return bool(text);
      }
      if (type.equals(DataTypes.DateType)) {
        return Date.valueOf(LocalDate.parse(text));
      }
      if (type.equals(DataTypes.TimestampType)) {
        return Timestamp.from(instant(text));
      }
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      throw new IllegalArgumentException(mustBe(type));
    }
    throw new IllegalArgumentException("cannot be loaded from a file (" + type.sql() + ")");
  }

  private static Object fromNumber(Number number, DataType type) {
    if (type.equals(DataTypes.DoubleType)) {
      return finite(number.doubleValue());
    }
    if (type.equals(DataTypes.FloatType)) {
      return (float) finite(number.floatValue());
    }
    if (type instanceof DecimalType decimal) {
      return checkedDecimal(new BigDecimal(number.toString()), decimal);
    }
    return fromText(plain(number), type);
  }

  // a number as text without exponent or trailing ".0" noise where it is whole
  private static String plain(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString();
  }

  private static long wholeNumber(String text) {
    BigDecimal number = new BigDecimal(text);
    if (number.stripTrailingZeros().scale() > 0) {
      throw new NumberFormatException(text);
    }
    return number.longValueExact();
  }

  private static double finite(double value) {
    if (!Double.isFinite(value)) {
      throw new NumberFormatException("not finite");
    }
    return value;
  }

  private static BigDecimal checkedDecimal(BigDecimal value, DecimalType type) {
    BigDecimal scaled = value.setScale(type.scale(), java.math.RoundingMode.UNNECESSARY);
    if (scaled.precision() > type.precision()) {
      throw new ArithmeticException("too many digits");
    }
    return scaled;
  }

  private static boolean bool(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (TRUE.contains(lower)) {
      return true;
    }
    if (FALSE.contains(lower)) {
      return false;
    }
    throw new NumberFormatException(text);
  }

  private static Instant instant(String text) {
    if (text.chars().allMatch(Character::isDigit)) {
      return Instant.ofEpochSecond(Long.parseLong(text));
    }
    String iso = text.replace(' ', 'T');
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    }
  }
}
