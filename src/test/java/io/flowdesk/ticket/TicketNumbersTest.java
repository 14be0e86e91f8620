package io.flowdesk.ticket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TicketNumbersTest {

    @Test
    void numbersArePaddedToSixDigitsAndGrowBeyond() {
        assertThat(TicketNumbers.format(1)).isEqualTo("TK-000001");
        assertThat(TicketNumbers.format(123_456)).isEqualTo("TK-123456");
        assertThat(TicketNumbers.format(1_234_567)).isEqualTo("TK-1234567");
    }

    @Test
    void aNumberLeadsBackToItsId() {
        assertThat(TicketNumbers.idOf(TicketNumbers.format(42))).contains(42L);
        assertThat(TicketNumbers.idOf(TicketNumbers.format(9_876_543))).contains(9_876_543L);
    }

    @Test
    void foreignNumbersLeadNowhere() {
        assertThat(TicketNumbers.idOf("INC-000042")).isEmpty();
        assertThat(TicketNumbers.idOf("TK-12a")).isEmpty();
        assertThat(TicketNumbers.idOf(null)).isEmpty();
    }
}
