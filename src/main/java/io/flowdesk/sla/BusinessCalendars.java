package io.flowdesk.sla;

import org.springframework.stereotype.Component;

/** The calendars an SLA policy row can name: {@code business} (configured hours) or {@code 24x7}. */
@Component
public class BusinessCalendars {

    public static final String BUSINESS = "business";
    public static final String ALWAYS_OPEN = "24x7";

    private final BusinessCalendar business;
    private final BusinessCalendar alwaysOpen;

    BusinessCalendars(BusinessCalendarProperties properties) {
        this.business = BusinessCalendar.of(properties);
        this.alwaysOpen = BusinessCalendar.alwaysOpen(business.zone());
    }

    public BusinessCalendar named(String name) {
        return ALWAYS_OPEN.equalsIgnoreCase(name) ? alwaysOpen : business;
    }
}
