package io.flowdesk.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The business calendar as configured data (shipped default: {@code business-calendar.yml}). Values are kept as
 * the strings the analyst wrote; {@link BusinessCalendar} parses and validates them, and its error messages name the
 * offending value.
 *
 * @param zone                 time zone id of the working hours, e.g. {@code Asia/Shanghai} (the default)
 * @param weeklyHours          day of week ({@code MONDAY}..{@code SUNDAY}, case-insensitive) to working intervals
 *                             {@code "HH:mm-HH:mm"}; {@code 24:00} is allowed as an end, and an interval whose end is
 *                             before its start ({@code "22:00-06:00"}) runs over midnight into the next morning and
 *                             belongs to the day it starts on. A missing or empty day is not worked. When the whole
 *                             map is missing, {@link #DEFAULT_WEEKLY_HOURS} (Mon–Fri 09:00-12:00, 13:30-18:00) applies.
 * @param holidays             dates {@code "2026-10-01"} or inclusive ranges {@code "2026-10-01..2026-10-07"} with no
 *                             working time (an overnight interval starting the evening before still runs into the
 *                             morning of a holiday: intervals belong to the day they start on)
 * @param makeUpWorkdays       dates that are worked although their weekday normally is not (调休上班)
 * @param makeUpWorkdayHours   working intervals on make-up workdays; missing or empty = the {@code MONDAY} hours
 */
@ConfigurationProperties("flowdesk.business-calendar")
public record BusinessCalendarProperties(
        @DefaultValue(BusinessCalendarProperties.DEFAULT_ZONE) String zone,
        Map<String, List<String>> weeklyHours,
        List<String> holidays,
        List<String> makeUpWorkdays,
        List<String> makeUpWorkdayHours) {

    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    /** Typical mainland-China office hours with a lunch break, Monday to Friday. */
    public static final List<String> DEFAULT_DAY_HOURS = List.of("09:00-12:00", "13:30-18:00");

    public static final Map<String, List<String>> DEFAULT_WEEKLY_HOURS = defaultWeeklyHours();

    public BusinessCalendarProperties {
        zone = zone == null || zone.isBlank() ? DEFAULT_ZONE : zone.trim();
        weeklyHours = weeklyHours == null ? DEFAULT_WEEKLY_HOURS : Collections.unmodifiableMap(new LinkedHashMap<>(weeklyHours));
        holidays = holidays == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(holidays));
        makeUpWorkdays = makeUpWorkdays == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(makeUpWorkdays));
        makeUpWorkdayHours = makeUpWorkdayHours == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(makeUpWorkdayHours));
    }

    private static Map<String, List<String>> defaultWeeklyHours() {
        Map<String, List<String>> hours = new LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.put(day, DEFAULT_DAY_HOURS);
        }
        return Collections.unmodifiableMap(hours);
    }
}
