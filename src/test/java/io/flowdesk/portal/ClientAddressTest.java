package io.flowdesk.portal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    @Test
    void an_ipv4_client_counts_by_its_address() {
        assertThat(ClientAddress.of("198.51.100.7")).isEqualTo("198.51.100.7");
    }

    @Test
    void an_ipv6_client_counts_by_its_64_network_however_it_is_written() {
        assertThat(ClientAddress.of("2001:db8:0:7:0:0:0:1")).isEqualTo("20010db800000007::/64")
                .isEqualTo(ClientAddress.of("2001:db8:0:7::ff"))
                .isNotEqualTo(ClientAddress.of("2001:db8:0:8::1"));
    }

    @Test
    void what_is_no_address_literal_is_taken_as_it_is_and_never_looked_up() {
        assertThat(ClientAddress.of("unknown")).isEqualTo("unknown");
        assertThat(ClientAddress.of("proxy.example.com")).isEqualTo("proxy.example.com");
    }
}
