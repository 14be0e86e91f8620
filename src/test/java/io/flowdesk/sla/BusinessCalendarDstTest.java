package io.flowdesk.sla;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Daylight saving: intervals are local times mapped to instants, so a working interval spanning a clock change lasts
 * its real elapsed time. Europe/Berlin springs forward on Sunday 2026-03-29 (02:00 CET → 03:00 CEST, UTC+1 → UTC+2)
 * and falls back on Sunday 2026-10-25 (03:00 CEST → 02:00 CET); America/New_York springs forward on Sunday
 * 2026-03-08 (02:00 EST → 03:00 EDT) and falls back on Sunday 2026-11-01. Instants are written in UTC.
 */
class BusinessCalendarDstTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Instant utc(String instant) {
        return LocalDateTime.parse(instant).toInstant(ZoneOffset.UTC);
    }

    final BusinessCalendar berlinSundays = BusinessCalendar.builder(BERLIN).hours(DayOfWeek.SUNDAY, "00:00-24:00").build();

    final BusinessCalendar berlinEarlyMornings = BusinessCalendar.builder(BERLIN)
            .weekdays("01:00-04:00")
            .hours(DayOfWeek.SATURDAY, "01:00-04:00")
            .hours(DayOfWeek.SUNDAY, "01:00-04:00")
            .build();

    @Test
    void a_whole_sunday_lasts_23_hours_when_the_clocks_spring_forward() {
        // 2026-03-29 00:00 CET = 2026-03-28T23:00Z, 2026-03-30 00:00 CEST = 2026-03-29T22:00Z
        assertThat(berlinSundays.workingTimeBetween(utc("2026-03-28T00:00"), utc("2026-03-30T00:00")))
                .isEqualTo(Duration.ofHours(23));
        assertThat(berlinSundays.workingTimeBetween(utc("2026-03-21T00:00"), utc("2026-03-23T00:00")))
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void a_whole_sunday_lasts_25_hours_when_the_clocks_fall_back() {
        // 2026-10-25 00:00 CEST = 2026-10-24T22:00Z, 2026-10-26 00:00 CET = 2026-10-25T23:00Z
        assertThat(berlinSundays.workingTimeBetween(utc("2026-10-24T00:00"), utc("2026-10-26T00:00")))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void adding_across_spring_forward_counts_real_hours() {
        // from Saturday noon: counting starts Sunday 00:00 CET; three real hours later it is 04:00 CEST
        assertThat(berlinSundays.addWorkingTime(utc("2026-03-28T11:00"), Duration.ofHours(3)))
                .isEqualTo(utc("2026-03-29T02:00"));
        // the short Sunday holds only 23 hours: the 24th is the first hour of the next Sunday
        assertThat(berlinSundays.addWorkingTime(utc("2026-03-28T23:00"), Duration.ofHours(24)))
                .isEqualTo(utc("2026-04-04T23:00"));
    }

    @Test
    void adding_across_fall_back_counts_real_hours() {
        assertThat(berlinSundays.addWorkingTime(utc("2026-10-24T22:00"), Duration.ofHours(25)))
                .isEqualTo(utc("2026-10-25T23:00"));
        assertThat(berlinSundays.addWorkingTime(utc("2026-10-24T22:00"), Duration.ofHours(25).plusMinutes(1)))
                .isEqualTo(utc("2026-10-31T23:01"));
    }

    @Test
    void an_interval_spanning_spring_forward_lasts_its_real_elapsed_time() {
        // 01:00 CET (00:00Z) to 04:00 CEST (02:00Z)
        assertThat(berlinEarlyMornings.workingTimeBetween(utc("2026-03-28T12:00"), utc("2026-03-29T12:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(berlinEarlyMornings.workingTimeBetween(utc("2026-03-27T12:00"), utc("2026-03-28T12:00")))
                .isEqualTo(Duration.ofHours(3));
        assertThat(berlinEarlyMornings.addWorkingTime(utc("2026-03-28T12:00"), Duration.ofMinutes(90)))
                .isEqualTo(utc("2026-03-29T01:30"));
        assertThat(berlinEarlyMornings.isWorkingTime(utc("2026-03-29T01:59"))).isTrue();
        assertThat(berlinEarlyMornings.isWorkingTime(utc("2026-03-29T02:00"))).isFalse();
    }

    @Test
    void an_interval_spanning_fall_back_lasts_its_real_elapsed_time() {
        // 01:00 CEST (2026-10-24T23:00Z) to 04:00 CET (2026-10-25T03:00Z); 02:30 happens twice and is worked twice
        assertThat(berlinEarlyMornings.workingTimeBetween(utc("2026-10-24T12:00"), utc("2026-10-25T12:00")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(berlinEarlyMornings.isWorkingTime(utc("2026-10-25T00:30"))).isTrue();
        assertThat(berlinEarlyMornings.isWorkingTime(utc("2026-10-25T01:30"))).isTrue();
        assertThat(berlinEarlyMornings.addWorkingTime(utc("2026-10-24T12:00"), Duration.ofHours(4)))
                .isEqualTo(utc("2026-10-25T03:00"));
    }

    @Test
    void an_interval_starting_in_the_spring_forward_gap_starts_when_java_shifts_it() {
        // 02:30 does not exist on 2026-03-29; ZonedDateTime moves it one hour on, to 03:30 CEST (01:30Z)
        BusinessCalendar calendar = BusinessCalendar.builder(BERLIN).hours(DayOfWeek.SUNDAY, "02:30-05:00").build();
        assertThat(calendar.nextWorkingTime(utc("2026-03-28T12:00"))).isEqualTo(utc("2026-03-29T01:30"));
        assertThat(calendar.workingTimeBetween(utc("2026-03-28T12:00"), utc("2026-03-29T12:00")))
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void an_interval_that_collapses_in_the_spring_forward_gap_is_skipped() {
        // 02:30-03:00 maps to 03:30 CEST .. 03:00 CEST: nothing to work that Sunday
        BusinessCalendar calendar = BusinessCalendar.builder(BERLIN).hours(DayOfWeek.SUNDAY, "02:30-03:00").build();
        assertThat(calendar.workingTimeBetween(utc("2026-03-28T12:00"), utc("2026-03-29T12:00"))).isZero();
        assertThat(calendar.workingTimeBetween(utc("2026-03-21T12:00"), utc("2026-03-22T12:00")))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(calendar.addWorkingTime(utc("2026-03-28T12:00"), Duration.ofMinutes(15)))
                .isEqualTo(utc("2026-04-05T00:45"));
    }

    @Test
    void a_night_shift_over_a_clock_change_lasts_its_real_elapsed_time() {
        BusinessCalendar nights = BusinessCalendar.builder(BERLIN).hours(DayOfWeek.SATURDAY, "22:00-06:00").build();
        // Saturday 22:00 CET (21:00Z) to Sunday 06:00 CEST (04:00Z)
        assertThat(nights.workingTimeBetween(utc("2026-03-28T12:00"), utc("2026-03-29T12:00")))
                .isEqualTo(Duration.ofHours(7));
        // Saturday 22:00 CEST (20:00Z) to Sunday 06:00 CET (05:00Z)
        assertThat(nights.workingTimeBetween(utc("2026-10-24T12:00"), utc("2026-10-25T12:00")))
                .isEqualTo(Duration.ofHours(9));
        assertThat(nights.addWorkingTime(utc("2026-10-24T12:00"), Duration.ofHours(9)))
                .isEqualTo(utc("2026-10-25T05:00"));
    }

    @Test
    void new_york_springs_forward_on_the_second_sunday_of_march() {
        BusinessCalendar sundays = BusinessCalendar.builder(NEW_YORK).hours(DayOfWeek.SUNDAY, "00:00-24:00").build();
        assertThat(sundays.workingTimeBetween(utc("2026-03-07T12:00"), utc("2026-03-09T12:00")))
                .isEqualTo(Duration.ofHours(23));
        assertThat(sundays.workingTimeBetween(utc("2026-10-31T12:00"), utc("2026-11-02T12:00")))
                .isEqualTo(Duration.ofHours(25));

        BusinessCalendar mornings = BusinessCalendar.builder(NEW_YORK).hours(DayOfWeek.SUNDAY, "01:00-05:00").build();
        // 01:00 EST (06:00Z) to 05:00 EDT (09:00Z)
        assertThat(mornings.workingTimeBetween(utc("2026-03-07T12:00"), utc("2026-03-09T12:00")))
                .isEqualTo(Duration.ofHours(3));
        assertThat(mornings.addWorkingTime(utc("2026-03-08T06:00"), Duration.ofHours(2)))
                .isEqualTo(utc("2026-03-08T08:00"));
    }

    @Test
    void measuring_an_added_duration_gives_it_back_around_both_clock_changes() {
        BusinessCalendar calendar = BusinessCalendar.builder(BERLIN)
                .weekdays("01:00-04:00", "09:00-17:00", "22:00-24:00")
                .hours(DayOfWeek.SATURDAY, "01:00-04:00", "22:00-02:00")
                .hours(DayOfWeek.SUNDAY, "02:00-24:00")
                .build();
        BusinessCalendarTest.roundTrip(calendar, utc("2026-03-22T00:00"), utc("2026-04-05T00:00"));
        BusinessCalendarTest.roundTrip(calendar, utc("2026-10-18T00:00"), utc("2026-11-01T00:00"));
    }

    @Test
    void around_the_clock_is_real_elapsed_time_across_clock_changes() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen(BERLIN);
        assertThat(always.workingTimeBetween(utc("2026-03-28T00:00"), utc("2026-03-31T00:00")))
                .isEqualTo(Duration.ofHours(72));
        assertThat(always.addWorkingTime(utc("2026-10-24T00:00"), Duration.ofHours(72)))
                .isEqualTo(utc("2026-10-27T00:00"));
        assertThat(always.isWorkingTime(utc("2026-03-29T01:00"))).isTrue();
        assertThat(always.isWorkingTime(utc("2026-10-25T00:30"))).isTrue();
    }

    @Test
    void around_the_clock_survives_a_missing_midnight_and_a_missing_day() {
        // Chile springs forward at midnight (00:00 does not exist that Sunday); Samoa skipped 2011-12-30 entirely
        for (String zone : new String[] {"America/Santiago", "Pacific/Apia"}) {
            BusinessCalendar always = BusinessCalendar.alwaysOpen(ZoneId.of(zone));
            for (Instant start : new Instant[] {utc("2026-09-04T12:00"), utc("2011-12-28T12:00")}) {
                assertThat(always.workingTimeBetween(start, start.plus(Duration.ofHours(96))))
                        .as(zone).isEqualTo(Duration.ofHours(96));
                assertThat(always.addWorkingTime(start, Duration.ofHours(96))).as(zone)
                        .isEqualTo(start.plus(Duration.ofHours(96)));
            }
        }
    }
}
