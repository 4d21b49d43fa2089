package dev.lakehouse.finance.compliance;

import static dev.lakehouse.finance.compliance.Payments.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TransactionTest {

  @Test
  void centsBecomeMajorUnitsWithTwoDecimals() {
    Transaction payment = Transaction.ofCents("pay-1", "c-00001", START, 1250, "EUR");

    assertThat(payment.amount()).isEqualTo(new BigDecimal("12.50"));
  }

  @Test
  void rejectsANegativeAmount() {
    assertThatThrownBy(() -> Transaction.ofCents("pay-1", "c-00001", START, -1, "EUR"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid amount -0.01 of transaction pay-1: must be at least 0");
  }

  @Test
  void rejectsACurrencyThatIsNotAnIsoCode() {
    assertThatThrownBy(() -> Transaction.ofCents("pay-1", "c-00001", START, 100, "eur"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid currency of transaction pay-1 'eur': must be an ISO 4217 code of three capital letters, e.g. EUR");
  }

  @Test
  void rejectsAMissingCustomerOrTime() {
    assertThatThrownBy(() -> Transaction.ofCents("pay-1", " ", START, 100, "EUR"))
        .hasMessage("Invalid customer id of transaction pay-1 ' ': must not be blank");
    assertThatThrownBy(() -> Transaction.ofCents("pay-1", "c-00001", null, 100, "EUR"))
        .hasMessage("Invalid time of transaction pay-1: must not be null");
  }
}
