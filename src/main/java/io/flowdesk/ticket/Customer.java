package io.flowdesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The person a ticket is for, as given when the ticket was opened. */
@Embeddable
public class Customer {

    @Column(name = "customer_name", length = 100)
    private String name;

    @Column(name = "customer_email", length = 254)
    private String email;

    @Column(name = "customer_phone", length = 40)
    private String phone;

    @Column(name = "customer_tier", length = 32, nullable = false)
    private String tier;

    @Column(name = "customer_region", length = 64)
    private String region;

    protected Customer() {
    }

    public Customer(String name, String email, String phone, String tier, String region) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.tier = tier;
        this.region = region;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getTier() {
        return tier;
    }

    public String getRegion() {
        return region;
    }
}
